import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "./sandbox.ts";
import { apiClient, eventually } from "./test/support.ts";

const video = { prompt: "A majestic eagle soaring over snowy mountains", model: "seedance-1.5-pro", duration: 5 };
let sandbox: Sandbox;
let call: ReturnType<typeof apiClient>;

beforeAll(async () => {
  sandbox = await startSandbox({ taskSeconds: 2 });
  call = apiClient(sandbox.url, sandbox.apiKey);
});
afterAll(() => sandbox?.stop());

describe("video tasks", () => {
  it("go queued → processing with rising progress → completed, then have a result", async () => {
    const created = await call("/v1/seedance/generate", { body: { ...video, resolution: "720p" } });
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({
      status: "accepted",
      data: { status: "queued", estimated_wait_time_seconds: 2 },
    });
    const id: string = created.body.data.task_id;
    expect(created.body.data.check_status_url).toBe(`/v1/tasks/${id}`);

    const seen: { status: string; progress: number }[] = [];
    const poll = async () => {
      const { body } = await call(`/v1/tasks/${id}`);
      seen.push({ status: body.data.status, progress: body.data.progress });
      return body.data.status === "completed" ? body : undefined;
    };
    await poll();
    const early = await call(`/v1/results/${id}`);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("TASK_NOT_COMPLETED");
    await eventually(poll);
    const states = [...new Set(seen.map(({ status }) => status))];
    expect(states).toEqual(["queued", "processing", "completed"]);
    const progress = seen.map(({ progress }) => progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.some((value) => value > 0 && value < 100)).toBe(true);
    expect(progress.at(-1)).toBe(100);

    const result = await call(`/v1/results/${id}`);
    expect(result.status).toBe(200);
    expect(result.body.data).toMatchObject({
      task_id: id,
      status: "completed",
      result: { duration: 5, resolution: "720p" },
    });
    expect(result.body.data.result.video_url).toMatch(new RegExp(`^${sandbox.upstreamUrl}/media/videos/`));
  });

  it("fail when the prompt asks for it with [fail]", async () => {
    const created = await call("/v1/seedance/generate", { body: { ...video, prompt: "An eagle [fail]" } });
    const id: string = created.body.data.task_id;
    const failed = await eventually(async () => {
      const { body } = await call(`/v1/tasks/${id}`);
      return body.data.status === "failed" ? body.data : undefined;
    });
    expect(failed).toMatchObject({ progress: 30, error_message: expect.stringContaining("[fail]") });
    expect(failed.result).toBeUndefined();
    const result = await call(`/v1/results/${id}`);
    expect(result.body.data).toMatchObject({ status: "failed", error_message: failed.error_message });
  });

  it("are 404 when unknown or another key's", async () => {
    const created = await call("/v1/seedance/generate", { body: video });
    const id: string = created.body.data.task_id;
    const otherKey = apiClient(sandbox.url, "sk-test-someone-else");
    for (const path of [`/v1/tasks/${id}`, `/v1/results/${id}`]) {
      expect((await otherKey(path)).body.error.code).toBe("NOT_FOUND");
    }
    const unknown = await call("/v1/tasks/task-unknown");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe("Task task-unknown not found");
  });
});

describe("images", () => {
  it("are generated synchronously, num_images of them at the requested resolution", async () => {
    const request = { prompt: "A serene lake", model: "seedream-4.5", resolution: "2048x2048", num_images: 2 };
    const { status, body } = await call("/v1/seedream/generate", { body: request });
    expect(status).toBe(200);
    expect(body.data).toMatchObject({ model: "seedream-4.5", resolution: "2048x2048" });
    expect(body.data.images).toHaveLength(2);
    expect(body.data.images[0]).toMatchObject({ width: 2048, height: 2048, format: "png" });
  });
});

describe("authentication", () => {
  it("accepts any sk-test- key as a bearer token or an X-API-Key header", async () => {
    const viaHeader = apiClient(sandbox.url);
    const answer = await viaHeader("/v1/tasks/task-unknown", { headers: { "X-API-Key": "sk-test-anything" } });
    expect(answer.status).toBe(404);
  });

  it("answers 401 INVALID_API_KEY to another key, with the rate-limit and request-id headers", async () => {
    const answer = await apiClient(sandbox.url, "sk-live-nope")("/v1/tasks/task-1");
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ status: "error", error: { code: "INVALID_API_KEY" } });
    expect(answer.headers.get("x-request-id")).toMatch(/^req_/);
    expect(answer.headers.get("x-ratelimit-limit")).not.toBeNull();
  });

  it("answers 401 UNAUTHORIZED without a key", async () => {
    const answer = await apiClient(sandbox.url)("/v1/tasks/task-1");
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe("UNAUTHORIZED");
  });
});

describe("idempotency keys", () => {
  it("replay the first answer for the same key and start a new task for another", async () => {
    const send = (key: string, client = call) =>
      client("/v1/seedance/generate", { body: video, headers: { "Idempotency-Key": key } });
    const first = await send("retry-me");
    const again = await send("retry-me");
    expect(again.status).toBe(202);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("x-request-id")).not.toBe(first.headers.get("x-request-id"));
    const other = await send("another");
    expect(other.body.data.task_id).not.toBe(first.body.data.task_id);
    const otherApiKey = await send("retry-me", apiClient(sandbox.url, "sk-test-someone-else"));
    expect(otherApiKey.body.data.task_id).not.toBe(first.body.data.task_id);
  });

  it("are counted at the server: a replay makes no generation, a new key one more", async () => {
    const body = { prompt: "Counted once, a lighthouse", model: "seedream-3.0" };
    const made = () => sandbox.stats().generations.filter((each) => each.prompt === body.prompt);
    const requests = sandbox.stats().requests;
    await call("/v1/seedream/generate", { body, headers: { "Idempotency-Key": "count-me" } });
    await call("/v1/seedream/generate", { body, headers: { "Idempotency-Key": "count-me" } });
    expect(made()).toHaveLength(1);
    expect(made()[0]?.operationId).toBe("generateImage");
    await call("/v1/seedream/generate", { body, headers: { "Idempotency-Key": "count-me-too" } });
    expect(made()).toHaveLength(2);
    expect(sandbox.stats().requests - requests).toBe(3);
  });

  it("do not keep a 503, so a retry with the same key gets a fresh answer", async () => {
    const send = () =>
      call("/v1/seedream/generate", {
        body: { prompt: "A busy day [busy]", model: "seedream-3.0" },
        headers: { "Idempotency-Key": "busy-once" },
      });
    const busy = await send();
    expect(busy.status).toBe(503);
    expect(busy.body.error.code).toBe("SERVICE_UNAVAILABLE");
    expect(busy.headers.get("retry-after")).toBe("1");
    expect(busy.headers.get("x-ratelimit-retryafter")).toBe("1");
    expect((await send()).status).toBe(200);
  });
});

describe("errors", () => {
  it("answers 500 INTERNAL_ERROR to a prompt with [error]", async () => {
    const answer = await call("/v1/seedance/generate", { body: { ...video, prompt: "Boom [error]" } });
    expect(answer.status).toBe(500);
    expect(answer.body.error.code).toBe("INTERNAL_ERROR");
  });

  it("validates requests with the spec's checks, answering 400s that name the field", async () => {
    const long = await call("/v1/seedream/generate", { body: { prompt: "x".repeat(301), model: "seedream-4.5" } });
    expect(long.status).toBe(400);
    expect(long.body.error).toMatchObject({
      code: "INVALID_PROMPT",
      message: "Prompt is too long (max 300 characters)",
      details: { field: "prompt", constraint: "max_length", limit: 300 },
    });
    const missing = await call("/v1/seedance/generate", { body: { prompt: "x", model: "seedance-1.0" } });
    expect(missing.body.error).toMatchObject({
      code: "INVALID_REQUEST",
      details: { field: "duration", constraint: "required" },
    });
    const fps = await call("/v1/seedance/generate", { body: { ...video, fps: 25 } });
    expect(fps.body.error.details).toMatchObject({ field: "fps", value: 25, constraint: "enum", limit: [24, 30, 60] });
    const taskId = await call("/v1/tasks/not.a.task");
    expect(taskId.status).toBe(400);
    expect(taskId.body.error).toMatchObject({
      message: "task_id must match ^[A-Za-z0-9_-]+$",
      details: { field: "task_id", constraint: "regex" },
    });
  });
});
