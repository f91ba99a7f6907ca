// Contract: the hand-written client against a real Prism mock — the page's quickstart, every method,
// every documented status through the typed error classes, and zero spec violations.
import { violationsOf } from "@seedance/testkit";
import fc from "fast-check";
import { describe, expect, inject, it } from "vitest";
import {
  type APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  SeedanceClient,
  ServiceUnavailableError,
  ValidationError,
  validateOperationRequest,
} from "../../src/index.js";
import { operations } from "./spec-operations.js";

const baseUrl = inject("prismUrl");
const seen: Response[] = [];
/** A fetch that records every response, so each test can assert that Prism found no violation. */
const recordingFetch = async (url: string, init: RequestInit) => {
  const response = await fetch(url, init);
  seen.push(response);
  return response;
};
const client = (options: Record<string, unknown> = {}) =>
  new SeedanceClient({ apiKey: "sk-test-contract", baseUrl, fetch: recordingFetch, maxRetries: 0, ...options });

function expectNoViolations() {
  const violations = seen.splice(0).flatMap(violationsOf);
  expect(violations).toEqual([]);
}

describe("the page's Node quickstart", () => {
  it("generates an image, a video, reads the status, waits and fetches the result", async () => {
    const sdk = client();
    const image = await sdk.seedream.generate({
      prompt: "A cyberpunk city street with neon signs",
      model: "seedream-4.5",
      resolution: "4k",
      quality: "high",
      numImages: 1,
      seed: 42,
    });
    expect(image.images[0]?.url).toMatch(/^https:\/\//);

    const video = await sdk.seedance.generate({
      prompt: "A spacecraft entering Earth's atmosphere",
      model: "seedance-1.5-pro",
      duration: 20,
      resolution: "1080p",
      fps: 24,
    });
    expect(video.taskId).toBeTypeOf("string");
    expect(video.estimatedWaitTimeSeconds).toBe(45);

    const status = await sdk.task.getStatus(video.taskId);
    expect(status.status).toBe("processing");
    expect(status.progress).toBe(45);

    // Prism is stateless: ask it for the documented "completed" example while waiting.
    const waiting = client({ defaultHeaders: { Prefer: "example=completed" } });
    const result = await waiting.task.waitForCompletion(video.taskId, { maxWaitTime: 300000, pollInterval: 2000 });
    expect(result.status).toBe("completed");
    if (result.status === "completed") expect(result.videoUrl).toMatch(/\.mp4$/);

    const final = await waiting.task.getResult(video.taskId);
    expect(final.result?.videoUrl).toMatch(/\.mp4$/);
    expect(final.completedAt).toBeTypeOf("string");
    expectNoViolations();
  });
});

const classes: Record<number, typeof APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  429: RateLimitError,
  500: InternalServerError,
  503: ServiceUnavailableError,
};

const methods: Record<string, (sdk: SeedanceClient, headers: Record<string, string>) => Promise<unknown>> = {
  generateImage: (sdk, headers) => sdk.seedream.generate({ prompt: "a fox", model: "seedream-4.5" }, { headers }),
  generateVideo: (sdk, headers) =>
    sdk.seedance.generate({ prompt: "a fox", model: "seedance-2.0", duration: 5 }, { headers }),
  getTaskStatus: (sdk, headers) => sdk.task.getStatus("task-123-abc", { headers }),
  getTaskResult: (sdk, headers) => sdk.task.getResult("task-123-abc", { headers }),
};

describe.each(operations)("client method for $operationId", (op) => {
  const call = methods[op.operationId];
  if (!call) throw new Error(`no client method covers ${op.operationId}`);

  it("resolves with the unwrapped camelCase data and the response details", async () => {
    const sdk = client();
    const { data, response, requestId, rateLimit } = await (call(sdk, {}) as any).withResponse();
    expect(response.status).toBe(op.successStatus);
    expect(data).toHaveProperty("taskId");
    expect(requestId).toMatch(/^req_/);
    expect(rateLimit?.limit).toBeGreaterThan(0);
    expect(sdk.rateLimit).toEqual(rateLimit);
    expectNoViolations();
  });

  it.each(op.statuses.filter((s) => s >= 400))("throws the typed error for %i", async (status) => {
    const error = await call(client(), { Prefer: `code=${status}` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(classes[status]);
    const apiError = error as APIError;
    expect(apiError.status).toBe(status);
    expect(apiError.code).toMatch(/^[A-Z_]+$/);
    expect(apiError.requestId).toMatch(/^req_/);
    expect(apiError.message).toContain(String(status));
    if (error instanceof RateLimitError) expect(error.retryAfter).toBeGreaterThan(0);
    expectNoViolations();
  });
});

describe("client-side validation", () => {
  const cases = {
    "a 301-character prompt": () => client().seedream.generate({ prompt: "x".repeat(301), model: "seedream-4.5" }),
    "an unknown model": () => client().seedream.generate({ prompt: "a fox", model: "seedream-9" as "seedream-4.5" }),
    "numImages: 5": () => client().seedream.generate({ prompt: "a fox", model: "seedream-4.5", numImages: 5 }),
    "duration: 3": () => client().seedance.generate({ prompt: "a fox", model: "seedance-2.0", duration: 3 }),
    "a malformed task id": () => client().task.getStatus("../admin"),
  };
  const expected: Record<string, { field: string; constraint: string; limit?: unknown; code: string }> = {
    "a 301-character prompt": { field: "prompt", constraint: "max_length", limit: 300, code: "INVALID_PROMPT" },
    "an unknown model": { field: "model", constraint: "enum", code: "INVALID_REQUEST" },
    "numImages: 5": { field: "num_images", constraint: "maximum", limit: 4, code: "INVALID_REQUEST" },
    "duration: 3": { field: "duration", constraint: "minimum", limit: 5, code: "INVALID_REQUEST" },
    "a malformed task id": { field: "task_id", constraint: "regex", code: "INVALID_REQUEST" },
  };

  it.each(Object.keys(cases))("rejects %s before sending, naming field, value, constraint and limit", async (name) => {
    const error = await cases[name as keyof typeof cases]().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const { field, constraint, limit, code } = expected[name] ?? {};
    const validation = error as ValidationError;
    expect(validation.code).toBe(code);
    expect(validation.details.field).toBe(field);
    expect(validation.details.constraint).toBe(constraint);
    if (limit !== undefined) expect(validation.details.limit).toBe(limit);
    expect(validation.message).toContain(field);
    expect(seen).toHaveLength(0);
  });

  it("checks a raw request by operationId as it checks its own (validateOperationRequest)", async () => {
    const tooLong = validateOperationRequest("generateImage", {
      body: { prompt: "x".repeat(301), model: "seedream-4.5" },
    });
    await expect(tooLong).rejects.toBeInstanceOf(ValidationError);
    await expect(tooLong).rejects.toMatchObject({ code: "INVALID_PROMPT", details: { field: "prompt", limit: 300 } });
    await expect(validateOperationRequest("getTaskStatus", { path: { task_id: "../x" } })).rejects.toMatchObject({
      details: { field: "task_id" },
    });
    const video = { prompt: "Waves", model: "seedance-1.5-pro", duration: 5 };
    await expect(validateOperationRequest("generateVideo", { body: video })).resolves.toBeUndefined();
  });

  it("can be turned off, leaving the decision to the server", async () => {
    const error = await client({ validate: false })
      .seedream.generate({ prompt: "x".repeat(301), model: "seedream-4.5" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(seen.splice(0)).toHaveLength(1);
  });
});

describe("the validator and Prism agree (property)", () => {
  // Mostly-plausible inputs around every limit, so both sides of each constraint are exercised.
  const imageParams = fc.record(
    {
      prompt: fc.oneof(fc.string({ minLength: 0, maxLength: 310 }), fc.constant("a fox")),
      model: fc.constantFrom("seedream-3.0", "seedream-4.5", "seedream-5.0", "seedream-9"),
      resolution: fc.constantFrom("1024x1024", "4k", "8k"),
      quality: fc.constantFrom("standard", "high", "ultra"),
      numImages: fc.integer({ min: -1, max: 6 }),
      seed: fc.oneof(fc.integer(), fc.double({ noInteger: true, noNaN: true, noDefaultInfinity: true })),
      style: fc.string({ maxLength: 70 }),
    },
    { requiredKeys: ["prompt", "model"] },
  );

  it("any image request is either accepted by both or rejected by both", async () => {
    await fc.assert(
      fc.asyncProperty(imageParams, async (params) => {
        const local = await client()
          .seedream.generate(params as any)
          .then(
            () => "accepted",
            (e: unknown) => (e instanceof ValidationError ? "rejected" : e),
          );
        seen.length = 0;
        const remote = await client({ validate: false })
          .seedream.generate(params as any)
          .then(
            () => "accepted",
            (e: unknown) => (e instanceof BadRequestError ? "rejected" : e),
          );
        seen.length = 0;
        expect(remote).toBe(local);
      }),
      { numRuns: 60 },
    );
  });
});
