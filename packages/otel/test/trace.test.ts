// The trace of one generateAndWait with a retried submit, a rate-limit hold and a download, against
// the sandbox, recorded by the real OpenTelemetry SDK: every span, event and link, by name.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SpanKind } from "@opentelemetry/api";
import type { ReadableSpan } from "@opentelemetry/sdk-trace";
import { SeedanceClient } from "@seedance/node";
import { type Sandbox, startSandbox } from "@seedance/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedanceInstrumentation } from "../src/index.js";
import names from "../src/names.json" with { type: "json" };
import { childrenOf, everyValue, named, only, recorder } from "./support.js";

const A = names.attributes;
const S = names.spans;
const PROMPT = "A lighthouse in a storm [busy]";

let sandbox: Sandbox;
let dir: string;

beforeAll(async () => {
  // Two requests a 4 s window: the retried submit spends both within it, so the first poll holds.
  sandbox = await startSandbox({ taskSeconds: 1, rateLimit: 2, rateLimitWindowSeconds: 4 });
  dir = await mkdtemp(join(tmpdir(), "seedance-otel-"));
});

afterAll(async () => {
  await sandbox?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const eventsOf = (span: ReadableSpan, name: string) => span.events.filter((event) => event.name === name);

describe("one generateAndWait with a retried submit, a rate-limit hold and a download", () => {
  let spans: ReadableSpan[];
  let points: Awaited<ReturnType<ReturnType<typeof recorder>["points"]>>;
  const record = recorder();
  const metric = (name: string) => record.points(name);

  beforeAll(async () => {
    const client = new SeedanceClient({
      apiKey: sandbox.apiKey,
      baseUrl: sandbox.url,
      instrumentation: record.instrumentation,
    });
    const video = await client.seedance.generateAndWait({ prompt: PROMPT, model: "seedance-1.5-pro", duration: 5 });
    expect(video.status).toBe("completed");
    await client.download(video.result?.videoUrl as string, join(dir, "video.mp4"));
    spans = record.spans();
    points = await metric(names.metrics.calls.name);
  }, 60_000);

  afterAll(() => record.shutdown());

  it("makes generateAndWait the root, with the submit and the wait as its children, all in one trace", () => {
    const root = only(spans, S.generateAndWait);
    expect(root.parentSpanContext).toBeUndefined();
    expect(root.attributes[A.genAiOperation]).toBe("video_generation");
    expect(root.attributes[A.genAiModel]).toBe("seedance-1.5-pro");
    expect(root.attributes[A.genAiProvider]).toBe("seedance");
    expect(root.attributes[A.taskState]).toBe("completed");
    expect(childrenOf(spans, root).map((span) => span.name)).toEqual([S.generateVideo, S.waitForCompletion]);
    const traceIds = new Set(
      spans.filter((span) => span.name !== S.download).map((span) => span.spanContext().traceId),
    );
    expect(traceIds.size).toBe(1);
  });

  it("gives the submit a child per attempt, the retry carrying http.request.resend_count, and a retry event with its sleep", () => {
    const submit = only(spans, S.generateVideo);
    const taskId = submit.attributes[A.taskId];
    expect(taskId).toMatch(/^task-/);
    expect(submit.attributes[A.genAiOperation]).toBe("video_generation");
    const attempts = childrenOf(spans, submit);
    expect(attempts.map((span) => span.name)).toEqual(["POST", "POST"]);
    expect(attempts.map((span) => span.kind)).toEqual([SpanKind.CLIENT, SpanKind.CLIENT]);
    expect(attempts.map((span) => span.attributes[A.httpStatus])).toEqual([503, 202]);
    expect(attempts.map((span) => span.attributes[A.resendCount])).toEqual([undefined, 1]);
    expect(attempts[0]?.attributes[A.errorType]).toBe("503");
    expect(attempts[1]?.attributes[A.url]).toBe(`${sandbox.url}/v1/seedance/generate`);
    const [retry, ...more] = eventsOf(submit, names.events.retry);
    expect(more).toEqual([]);
    expect(retry?.attributes?.[A.durationMs]).toBe(1000);
    expect(retry?.attributes?.[A.errorType]).toBe("ServiceUnavailableError");
  });

  it("makes the wait a span linked to the submit, with a poll event (state, progress) per poll and a getTaskStatus child per poll", () => {
    const submit = only(spans, S.generateVideo);
    const wait = only(spans, S.waitForCompletion);
    expect(wait.attributes[A.taskId]).toBe(submit.attributes[A.taskId]);
    expect(wait.links.map((link) => link.context.spanId)).toEqual([submit.spanContext().spanId]);
    const polls = eventsOf(wait, names.events.poll);
    const statuses = childrenOf(spans, wait);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((span) => span.name === S.getTaskStatus)).toBe(true);
    expect(polls).toHaveLength(statuses.length);
    expect(polls.at(-1)?.attributes).toEqual({ [A.taskState]: "completed", [A.taskProgress]: 100 });
    expect(polls.every((poll) => typeof poll.attributes?.[A.taskState] === "string")).toBe(true);
    for (const status of statuses) expect(childrenOf(spans, status).map((span) => span.name)).toContain("GET");
  });

  it("records the rate-limit hold as an event with its duration, on the call that held", () => {
    const holds = spans.flatMap((span) => eventsOf(span, names.events.hold).map((event) => ({ span, event })));
    expect(holds.length).toBeGreaterThan(0);
    const [first] = holds;
    expect(first?.span.name).toBe(S.getTaskStatus);
    expect(first?.event.attributes?.[A.durationMs]).toBeGreaterThan(0);
    expect(first?.event.attributes?.[A.durationMs]).toBeLessThanOrEqual(4000);
  });

  it("links the download to the submit by the task id", () => {
    const submit = only(spans, S.generateVideo);
    const download = only(spans, S.download);
    expect(download.kind).toBe(SpanKind.CLIENT);
    expect(download.attributes[A.taskId]).toBe(submit.attributes[A.taskId]);
    expect(download.links.map((link) => link.context.spanId)).toEqual([submit.spanContext().spanId]);
    expect(download.attributes[A.bytes]).toBeGreaterThan(0);
    expect(download.attributes[A.serverAddress]).toBe("127.0.0.1");
  });

  it("records neither the key nor the prompt (not opted in), nor a signed URL's query", () => {
    const values = everyValue(spans).join("\n");
    expect(values).not.toContain(sandbox.apiKey);
    expect(values).not.toContain("lighthouse");
    expect(spans.some((span) => A.prompt in span.attributes)).toBe(false);
  });

  it("counts calls by operation and outcome, and times them", async () => {
    const count = (operation: string) =>
      points
        .filter((point) => point.attributes[A.operation] === operation)
        .reduce((sum, point) => sum + (point.value as number), 0);
    expect(count("generateAndWait")).toBe(1);
    expect(count("generateVideo")).toBe(1);
    expect(count("download")).toBe(1);
    expect(count("getTaskStatus")).toBe(named(spans, S.getTaskStatus).length);
    const submitPoint = points.find((point) => point.attributes[A.operation] === "generateVideo");
    expect(submitPoint?.attributes[A.httpStatus]).toBe(202);
    const durations = await metric(names.metrics.callDuration.name);
    expect(durations.some((point) => point.attributes[A.operation] === "generateAndWait")).toBe(true);
    const attempts = await metric(names.metrics.requestDuration.name);
    expect(attempts.some((point) => point.attributes[A.httpStatus] === 503)).toBe(true);
  });

  it("counts holds and their time, and reports the quota remaining from X-RateLimit-Remaining", async () => {
    const holds = await metric(names.metrics.holds.name);
    expect(holds.reduce((sum, point) => sum + (point.value as number), 0)).toBeGreaterThan(0);
    expect(await metric(names.metrics.holdDuration.name)).not.toEqual([]);
    const [quota] = await metric(names.metrics.quotaRemaining.name);
    expect(typeof quota?.value).toBe("number");
    expect(quota?.value).toBeLessThanOrEqual(2);
  });
});

describe("429s, prompts opted in, images", () => {
  it("counts 429s (a client that does not hold) and records the prompt only when opted in", async () => {
    const own = await startSandbox({ rateLimit: 1, rateLimitWindowSeconds: 60 });
    const record = recorder({ recordPrompts: true });
    try {
      const client = new SeedanceClient({
        apiKey: own.apiKey,
        baseUrl: own.url,
        holdOnRateLimit: false,
        maxRetries: 0,
        instrumentation: record.instrumentation,
      });
      const image = await client.seedream.generate({ prompt: "A red barn", model: "seedream-4.5" });
      expect(image.images.length).toBeGreaterThan(0);
      await expect(client.seedream.generate({ prompt: "A blue barn", model: "seedream-4.5" })).rejects.toThrow(/429/);
      const spans = named(record.spans(), S.generateImage);
      expect(spans.map((span) => span.attributes[A.prompt])).toEqual(["A red barn", "A blue barn"]);
      expect(spans.map((span) => span.attributes[A.genAiOperation])).toEqual(["image_generation", "image_generation"]);
      expect(spans[1]?.attributes[A.errorType]).toBe("RateLimitError");
      expect(spans[1]?.status.message).toBe("RateLimitError");
      const limited = await record.points(names.metrics.rateLimited.name);
      expect(limited.map((point) => [point.attributes[A.operation], point.value])).toEqual([["generateImage", 1]]);
      const [quota] = await record.points(names.metrics.quotaRemaining.name);
      expect(quota?.value).toBe(0);
      expect(everyValue(record.spans()).join("\n")).not.toContain(own.apiKey);
    } finally {
      await record.shutdown();
      await own.stop();
    }
  });
});

it("never fails a call when the tracer provider throws", async () => {
  const own = await startSandbox();
  try {
    const broken = {
      getTracer: () => ({
        startSpan: () => {
          throw new Error("tracer broke");
        },
        startActiveSpan: () => {
          throw new Error("tracer broke");
        },
      }),
    };
    const client = new SeedanceClient({
      apiKey: own.apiKey,
      baseUrl: own.url,
      instrumentation: seedanceInstrumentation({ tracerProvider: broken }),
    });
    const image = await client.seedream.generate({ prompt: "A red barn", model: "seedream-4.5" });
    expect(image.images.length).toBeGreaterThan(0);
  } finally {
    await own.stop();
  }
});
