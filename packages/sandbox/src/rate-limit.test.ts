import { afterAll, beforeAll, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "./sandbox.ts";
import { apiClient } from "./test/support.ts";

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ tiers: { free: 2 } });
});
afterAll(() => sandbox?.stop());

it("counts each key's requests down and answers 429 with the wait when the quota is used up", async () => {
  const call = apiClient(sandbox.url, "sk-test-free-alice");
  const remaining: (string | null)[] = [];
  for (let i = 0; i < 2; i++) {
    const { status, headers } = await call("/v1/tasks/task-1");
    expect(status).toBe(404);
    expect(headers.get("x-ratelimit-limit")).toBe("2");
    remaining.push(headers.get("x-ratelimit-remaining"));
  }
  expect(remaining).toEqual(["1", "0"]);

  const limited = await call("/v1/tasks/task-1");
  expect(limited.status).toBe(429);
  expect(limited.body.error).toMatchObject({ code: "RATE_LIMITED", message: expect.stringContaining("free plan") });
  const reset = Number(limited.headers.get("x-ratelimit-reset"));
  const now = Date.now() / 1000;
  expect(reset).toBeGreaterThan(now + 3500);
  const retryAfter = Number(limited.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThan(3500);
  expect(limited.headers.get("x-ratelimit-retryafter")).toBe(String(retryAfter));
  expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
});

it("keeps quotas per key, and gives other keys the pro tier", async () => {
  const { status, headers } = await apiClient(sandbox.url, "sk-test-pro-bob")("/v1/tasks/task-1");
  expect(status).toBe(404);
  expect(headers.get("x-ratelimit-limit")).toBe("1000");
  expect(headers.get("x-ratelimit-remaining")).toBe("999");
});

it("applies --rate-limit to every key", async () => {
  const small = await startSandbox({ rateLimit: 1 });
  try {
    const call = apiClient(small.url, small.apiKey);
    expect((await call("/v1/tasks/task-1")).headers.get("x-ratelimit-limit")).toBe("1");
    expect((await call("/v1/tasks/task-1")).status).toBe(429);
  } finally {
    await small.stop();
  }
});

it("resets the quota after a custom window", async () => {
  const short = await startSandbox({ rateLimit: 1, rateLimitWindowSeconds: 1 });
  try {
    const call = apiClient(short.url, "sk-test-window");
    const first = await call("/v1/tasks/task-1");
    // The body says why, should this ever be something else (it was a 500 once, under a loaded machine).
    expect(first.status, JSON.stringify(first.body)).toBe(404);
    const limited = await call("/v1/tasks/task-1");
    expect(limited.status).toBe(429);
    expect(limited.body.error.message).toContain("1 requests/1 s");
    const reset = Number(limited.headers.get("x-ratelimit-reset")) * 1000;
    expect(reset - Date.now()).toBeLessThanOrEqual(2000);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, reset - Date.now())));
    expect((await call("/v1/tasks/task-1")).status).toBe(404);
  } finally {
    await short.stop();
  }
});
