// Contract: the real `ai` functions on the provider against a real Prism mock of the spec. Every
// documented error status of the three operations becomes an APICallError carrying the status,
// whether to retry, the response headers and body, and never the API key.
import { APICallError, InvalidArgumentError } from "@ai-sdk/provider";
import { experimental_getVideoStatus, experimental_startVideo, generateImage } from "ai";
import { describe, expect, inject, it, vi } from "vitest";
import { createSeedance } from "../src/index.js";
import { errorStatuses } from "./spec-statuses.js";

const API_KEY = "sk-test-contract-secret-key";
// A fresh provider per call: a 429 example would otherwise make core hold the next call for the quota.
const provider = () => createSeedance({ apiKey: API_KEY, baseURL: inject("prismUrl"), maxRetries: 0 });
const retryable = (status: number) => status === 408 || status === 429 || status >= 500;

const calls: Record<string, (headers: Record<string, string>) => Promise<unknown>> = {
  generateImage: (headers) =>
    generateImage({ model: provider().image("seedream-4.5"), prompt: "A lighthouse", headers, maxRetries: 0 }),
  generateVideo: (headers) =>
    experimental_startVideo({
      model: provider().video("seedance-1.5-pro"),
      prompt: "A lighthouse",
      duration: 5,
      headers,
      maxRetries: 0,
    }),
  getTaskStatus: (headers) =>
    experimental_getVideoStatus(provider().video("seedance-1.5-pro"), {
      operation: "task_abc123",
      headers,
      maxRetries: 0,
    }),
};

describe.each(Object.keys(calls))("%s", (operationId) => {
  const call = calls[operationId] as (typeof calls)[string];

  it.each(errorStatuses(operationId))("maps %i to an APICallError", async (status) => {
    const error = await call({ Prefer: `code=${status}` }).then(
      () => expect.unreachable(`${operationId} answered ${status} but resolved`),
      (failure: unknown) => failure,
    );
    expect(APICallError.isInstance(error)).toBe(true);
    const apiError = error as APICallError;
    expect(apiError.statusCode).toBe(status);
    expect(apiError.isRetryable).toBe(retryable(status));
    expect(apiError.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\//);
    expect(apiError.responseHeaders?.["x-request-id"]).toMatch(/^req_/);
    const body = JSON.parse(apiError.responseBody ?? "{}");
    expect(body).toMatchObject({ status: "error", error: { code: expect.stringMatching(/^[A-Z_]+$/) } });
    expect(apiError.message).toContain(String(status));
    const serialized = JSON.stringify(apiError, Object.getOwnPropertyNames(apiError));
    expect(serialized).not.toContain(API_KEY);
  });
});

it("rejects a request that breaks the spec before sending, as an InvalidArgumentError naming the field", async () => {
  const error = await generateImage({
    model: provider().image("seedream-4.5"),
    prompt: "x".repeat(1000),
    maxRetries: 0,
  }).catch((failure: unknown) => failure);
  expect(InvalidArgumentError.isInstance(error)).toBe(true);
  expect((error as InvalidArgumentError).argument).toBe("prompt");
});

it("reports a missing API key as a LoadAPIKeyError at the call", async () => {
  vi.stubEnv("SEEDANCE_API_KEY", "");
  const error = await generateImage({
    model: createSeedance({ baseURL: inject("prismUrl") }).image("seedream-4.5"),
    prompt: "A lighthouse",
  }).catch((failure: unknown) => failure);
  expect((error as Error).name).toBe("AI_LoadAPIKeyError");
  expect((error as Error).message).toContain("SEEDANCE_API_KEY");
});
