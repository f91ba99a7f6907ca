// Redis task events: a webhook received by one instance wakes the waits on another, nothing is lost
// while subscribing, subscriptions end with their waits, and an outage falls back to polling.
import { once } from "node:events";
import { createServer } from "node:http";
import { AbortError, createWebhookMiddleware, SeedanceClient, type WebhookEvent } from "@seedance/node";
import { type Sandbox, startSandbox } from "@seedance/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedisTaskEvents, type RedisClient, type RedisTaskEvents } from "../src/index.js";
import { eventually, lines, useRedis } from "./fixtures.js";

const redis = useRedis();
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ taskSeconds: 2 });
});
afterAll(() => sandbox?.stop());

const completed = (taskId: string) =>
  ({
    event: "task.completed",
    timestamp: "2026-01-01T00:00:00Z",
    data: { taskId, status: "completed" },
  }) as WebhookEvent;

const subscribers = async (client: RedisClient, channel: string) =>
  ((await client.pubsub("NUMSUB", channel)) as [string, number])[1];

async function twoInstances(options = {}) {
  const prefix = redis.prefix();
  const opened: RedisTaskEvents[] = [];
  const open = async () => {
    const events = createRedisTaskEvents(await redis.client(), { prefix, ...options });
    opened.push(events);
    return events;
  };
  const [a, b] = [await open(), await open()];
  return { a, b, prefix, close: () => Promise.all(opened.map((events) => events.close())) };
}

describe("createRedisTaskEvents", () => {
  it("delivers a publish on one instance to the task's subscribers on another, and to no one else", async () => {
    const { a, b, prefix, close } = await twoInstances();
    const onB: WebhookEvent[] = [];
    const onOtherTask: WebhookEvent[] = [];
    const onA: WebhookEvent[] = [];
    b.subscribe("t1", (event) => onB.push(event));
    b.subscribe("t2", (event) => onOtherTask.push(event));
    a.subscribe("t1", (event) => onA.push(event));
    const observer = await redis.client();
    await eventually(async () => (await subscribers(observer, `${prefix}task-events:t1`)) === 2, "both subscribed");
    await a.publish(completed("t1"));
    await eventually(() => onB.length >= 1, "B heard A's event");
    // At least once: B may read the same event back as the task's latest.
    expect(new Set(onB.map((event) => JSON.stringify(event)))).toEqual(new Set([JSON.stringify(completed("t1"))]));
    expect(onA).toEqual([completed("t1")]);
    expect(onOtherTask).toEqual([]);
    await close();
  });

  it("delivers an event published before the subscription held (no gap before the first poll)", async () => {
    const { a, b, close } = await twoInstances();
    await a.publish(completed("t-early"));
    const heard: WebhookEvent[] = [];
    b.subscribe("t-early", (event) => heard.push(event));
    await eventually(() => heard.length === 1, "the earlier event was delivered");
    await close();
  });

  it("resolves a wait on B from the webhook A received, and ends each wait's subscription", async () => {
    const { a, b, prefix, close } = await twoInstances();
    const receiver = createServer(
      createWebhookMiddleware({ secret: sandbox.webhookSecret, onEvent: (event) => a.publish(event) }),
    ).listen(0, "127.0.0.1");
    await once(receiver, "listening");
    const webhookUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/`;
    let polls = 0;
    const client = new SeedanceClient({
      apiKey: sandbox.apiKey,
      baseUrl: sandbox.url,
      fetch: (url, init) => {
        if (url.includes("/v1/tasks/")) polls++;
        return fetch(url, init);
      },
    });
    const observer = await redis.client();
    const channelOf = (taskId: string) => `${prefix}task-events:${taskId}`;
    try {
      const video = await client.seedance.generate({ prompt: "Waves", model: "seedance-1.0", duration: 5, webhookUrl });
      const waiting = client.task.waitForCompletion(video.taskId, { webhook: b });
      await eventually(async () => (await subscribers(observer, channelOf(video.taskId))) === 1, "B subscribed");
      expect((await waiting).status).toBe("completed");
      expect(polls).toBeLessThanOrEqual(2);
      await eventually(
        async () => (await subscribers(observer, channelOf(video.taskId))) === 0,
        "succeeded: unsubscribed",
      );

      const failing = await client.seedance.generate({
        prompt: "Waves [fail]",
        model: "seedance-1.0",
        duration: 5,
        webhookUrl,
      });
      expect((await client.task.waitForCompletion(failing.taskId, { webhook: b })).status).toBe("failed");
      await eventually(
        async () => (await subscribers(observer, channelOf(failing.taskId))) === 0,
        "failed: unsubscribed",
      );

      const aborted = await client.seedance.generate({ prompt: "Waves", model: "seedance-1.0", duration: 5 });
      const controller = new AbortController();
      const wait = client.task.waitForCompletion(aborted.taskId, { webhook: b, signal: controller.signal });
      await eventually(async () => (await subscribers(observer, channelOf(aborted.taskId))) === 1, "subscribed");
      controller.abort();
      await expect(wait).rejects.toBeInstanceOf(AbortError);
      await eventually(
        async () => (await subscribers(observer, channelOf(aborted.taskId))) === 0,
        "aborted: unsubscribed",
      );
    } finally {
      receiver.close();
      await close();
    }
  });

  it("keeps local listeners working while Redis is down, logs the outage once, and recovers", async () => {
    const log = lines();
    const { a, b, prefix, close } = await twoInstances({ logger: log.logger, commandTimeoutMs: 300 });
    const onA: WebhookEvent[] = [];
    const onB: WebhookEvent[] = [];
    a.subscribe("t-outage", (event) => onA.push(event));
    b.subscribe("t-outage", (event) => onB.push(event));
    const observer = await redis.client();
    await eventually(async () => (await subscribers(observer, `${prefix}task-events:t-outage`)) === 2, "subscribed");

    await redis.server.stop();
    await a.publish(completed("t-outage"));
    await a.publish(completed("t-outage"));
    expect(onA).toHaveLength(2);
    expect(onB).toHaveLength(0);
    const warnings = log.logged.filter((line) => line.includes("fall back to polling"));
    expect(warnings.length).toBeGreaterThanOrEqual(1);
    // One line per instance and outage: A's publish and B's subscriber connection each noticed it once.
    expect(warnings.length).toBeLessThanOrEqual(2);

    await redis.server.start();
    await eventually(async () => {
      const fresh = await redis.client().catch(() => undefined);
      return fresh !== undefined && (await subscribers(fresh, `${prefix}task-events:t-outage`)) === 2;
    }, "both resubscribed after the restart");
    await a.publish(completed("t-outage"));
    await eventually(() => onB.length >= 1, "B hears A again");
    expect(log.logged.some((line) => line.includes("Redis is back"))).toBe(true);
    await close();
  });
});
