// Waiting for tasks: polling sequences, backoff, timeouts, progress callbacks, webhooks.
import { sendJson } from "@seedance/testkit";
import { describe, expect, it } from "vitest";
import { AbortError, type TaskEventSource, type TaskStatus, WaitTimeoutError } from "../../src/index.js";
import { overEachTransport } from "../transports.js";
import { scripted, taskStatus, videoAccepted, videoParams } from "./fixtures.js";

const completed = taskStatus("completed", 100, { result: { video_url: "https://cdn.example/v.mp4", duration: 5 } });
const failed = taskStatus("failed", 30, { error_message: "Content policy violation" });

/** A server that answers the task's statuses in order (repeating the last), and accepts generate calls. */
function sequence(bodies: unknown[], estimate = 0) {
  let polls = 0;
  return scripted((request, res) => {
    if (request.method === "POST") return sendJson(res, 202, videoAccepted(estimate));
    sendJson(res, 200, bodies[Math.min(polls++, bodies.length - 1)]);
  });
}

/**
 * A server whose task (created by the client, estimated at `estimate` s) reports the time elapsed
 * since its creation as progress, and completes when the estimate has passed: what it reports
 * depends only on when it is asked.
 */
function timedTask(estimate: number) {
  let createdAt = 0;
  return scripted((request, res) => {
    if (request.method === "POST") {
      createdAt = Date.now();
      return sendJson(res, 202, videoAccepted(estimate));
    }
    const progress = Math.floor(((Date.now() - createdAt) / (estimate * 1000)) * 100);
    sendJson(res, 200, progress >= 100 ? completed : taskStatus("processing", progress));
  });
}

const gapsOf = (requests: { at: number }[]) => requests.slice(1).map((r, i) => r.at - (requests[i]?.at ?? 0));

overEachTransport(() => {
  describe("waitForCompletion", () => {
    it("follows queued → processing 10% → 60% → completed, reporting each change once", async () => {
      const { client, server } = await sequence([
        taskStatus("queued", 0),
        taskStatus("processing", 10),
        taskStatus("processing", 10),
        taskStatus("processing", 60),
        completed,
      ]);
      const seen: string[] = [];
      const result = await client.task.waitForCompletion("task-1", {
        pollInterval: 10,
        onProgress: (status) => seen.push(`${status.status}:${status.progress}`),
      });
      expect(seen).toEqual(["queued:0", "processing:10", "processing:60", "completed:100"]);
      expect(result.status).toBe("completed");
      if (result.status === "completed") expect(result.videoUrl).toBe("https://cdn.example/v.mp4");
      expect(server.requests).toHaveLength(5);
    });

    it("resolves with the failure and its message", async () => {
      const { client } = await sequence([taskStatus("processing", 10), failed]);
      const result = await client.task.waitForCompletion("task-1", { pollInterval: 10 });
      expect(result.status).toBe("failed");
      if (result.status === "failed") expect(result.errorMessage).toBe("Content policy violation");
    });

    it("treats an unknown status as still running, with backoff rather than a hot loop", async () => {
      const { client, server } = await sequence([
        taskStatus("paused", 5),
        taskStatus("paused", 5),
        taskStatus("paused", 5),
        completed,
      ]);
      const result = await client.task.waitForCompletion("task-1", { pollInterval: 50 });
      expect(result.status).toBe("completed");
      const gaps = gapsOf(server.requests);
      expect(gaps.every((gap) => gap >= 45)).toBe(true);
      // The third wait has grown past twice the floor. (Not compared with the first gap: that one also
      // holds the first call's warm-up, which over node:http lands after the first request arrives.)
      expect(gaps[2]).toBeGreaterThanOrEqual(100);
    });

    it("throws WaitTimeoutError with the task id and the last status after maxWaitTime", async () => {
      const { client, server } = await sequence([taskStatus("processing", 42)]);
      const started = Date.now();
      const error = await client.task
        .waitForCompletion("task-1", { maxWaitTime: 400, pollInterval: 50 })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WaitTimeoutError);
      expect((error as WaitTimeoutError).taskId).toBe("task-1");
      expect((error as WaitTimeoutError).lastStatus).toMatchObject({ status: "processing", progress: 42 });
      expect(Date.now() - started).toBeLessThan(700);
      expect(server.requests.length).toBeLessThan(8);
    });

    it("never polls faster than pollInterval", async () => {
      const { client, server } = await sequence([
        taskStatus("processing", 1),
        taskStatus("processing", 2),
        taskStatus("processing", 3),
        completed,
      ]);
      await client.task.waitForCompletion("task-1", { pollInterval: 100 });
      const gaps = gapsOf(server.requests);
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(95);
    });

    it("waits for the server's estimate before the first poll of a task this client created", async () => {
      const { client, server } = await sequence([completed], 1);
      const video = await client.seedance.generate(videoParams);
      await client.task.waitForCompletion(video.taskId, { pollInterval: 10 });
      expect(server.requests).toHaveLength(2);
      expect((server.requests[1]?.at ?? 0) - (server.requests[0]?.at ?? 0)).toBeGreaterThanOrEqual(900);
    });

    it("with onProgress, polls across the server's estimate, so a task of a few seconds shows more than one value", async () => {
      const { client, server } = await timedTask(1);
      const video = await client.seedance.generate(videoParams);
      const seen: number[] = [];
      await client.task.waitForCompletion(video.taskId, {
        pollInterval: 100,
        onProgress: (s) => seen.push(s.progress),
      });
      // A fifth of the estimate apart: about 20, 40, 60, 80, then 100.
      expect(seen.filter((progress) => progress < 100).length).toBeGreaterThanOrEqual(3);
      expect(seen.at(-1)).toBe(100);
      expect(Math.min(...gapsOf(server.requests.slice(1)))).toBeGreaterThanOrEqual(95);
      expect(server.requests.length).toBeLessThanOrEqual(1 + 7);
    });

    it("with onProgress, never polls faster than pollInterval, even when a fifth of the estimate is less", async () => {
      const { client, server } = await timedTask(1);
      const video = await client.seedance.generate(videoParams);
      await client.task.waitForCompletion(video.taskId, { pollInterval: 400, onProgress: () => {} });
      const gaps = gapsOf(server.requests);
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(395);
      expect(server.requests.length).toBeGreaterThanOrEqual(1 + 2);
    });

    it("can be aborted", async () => {
      const { client } = await sequence([taskStatus("processing", 1)]);
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      await expect(
        client.task.waitForCompletion("task-1", { pollInterval: 1000, signal: controller.signal }),
      ).rejects.toBeInstanceOf(AbortError);
    });

    it("resolves from a webhook event at once, polling only as a slow fallback", async () => {
      let polls = 0;
      const { client } = await scripted((_, res) =>
        sendJson(res, 200, polls++ === 0 ? taskStatus("processing", 10) : completed),
      );
      const listeners = new Set<(event: { event: string; data: { taskId: string } }) => void>();
      const webhook: TaskEventSource = {
        subscribe: (_taskId, listener) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      };
      setTimeout(() => {
        for (const listener of listeners) listener({ event: "task.completed", data: { taskId: "task-1" } });
      }, 150);
      const started = Date.now();
      const result = await client.task.waitForCompletion("task-1", { pollInterval: 10, webhook });
      expect(result.status).toBe("completed");
      expect(Date.now() - started).toBeLessThan(1000);
      expect(polls).toBe(2);
      expect(listeners.size).toBe(0);
    });
  });

  describe("watch and generateAndWait", () => {
    it("watch yields each change and ends with the terminal status", async () => {
      const { client } = await sequence([taskStatus("queued", 0), taskStatus("processing", 50), completed]);
      const statuses: TaskStatus[] = [];
      for await (const status of client.task.watch("task-1", { pollInterval: 10 })) statuses.push(status);
      expect(statuses.map((s) => s.status)).toEqual(["queued", "processing", "completed"]);
    });

    it("watch polls across the server's estimate, yielding the progress as it moves", async () => {
      const { client } = await timedTask(1);
      const video = await client.seedance.generate(videoParams);
      const seen: number[] = [];
      for await (const status of client.task.watch(video.taskId, { pollInterval: 100 })) seen.push(status.progress);
      expect(seen.filter((progress) => progress < 100).length).toBeGreaterThanOrEqual(3);
      expect(seen.at(-1)).toBe(100);
    });

    it("generateAndWait reports the task id before waiting", async () => {
      const { client } = await sequence([completed]);
      const events: string[] = [];
      const result = await client.seedance.generateAndWait(videoParams, {
        pollInterval: 10,
        onTaskCreated: (taskId) => {
          events.push(`created ${taskId}`);
        },
        onProgress: (status) => events.push(status.status),
      });
      expect(events).toEqual(["created task-1", "completed"]);
      expect(result.status).toBe("completed");
    });
  });
});
