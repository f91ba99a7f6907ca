// The findings, each as a test named after it: what the browser sends is checked against the
// spec before the policy sees it, the app chooses where webhooks go, and each user has a quota.
import { type ScriptedServer, sendJson, startScriptedServer } from "@seedance/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  BadRequestError,
  createMemoryQuotaStore,
  createProxyHandler,
  type ProxyOptions,
  RateLimitError,
  SeedanceClient,
} from "../src/index.js";

let upstream: ScriptedServer;
beforeAll(async () => {
  upstream = await startScriptedServer((_, response) => sendJson(response, 202, { ok: true }));
});
afterAll(() => upstream.stop());
beforeEach(() => {
  upstream.requests.length = 0;
});

const proxy = (options: Partial<ProxyOptions> = {}) =>
  // Without `authorize` unless a test gives one; the start-up warning is not these tests' to show.
  createProxyHandler({
    apiKey: "sk-server",
    baseUrl: upstream.url,
    allowAnonymous: true,
    logger: { warn: () => {} },
    ...options,
  });
const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  new Request(`http://app.test/api/seedance${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body,
  });
const video = (fields: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  post(
    "/v1/seedance/generate",
    JSON.stringify({ prompt: "Waves", model: "seedance-1.5-pro", duration: 5, ...fields }),
    headers,
  );
const forwarded = () => upstream.requests.map((request) => JSON.parse(request.body) as Record<string, unknown>);

describe("bodies are not validated", () => {
  it.each([
    ["a 301-character prompt", { prompt: "x".repeat(301) }, "prompt", "INVALID_PROMPT", "max_length"],
    ["an unknown nested field", { extra: { nested: true } }, "extra", "INVALID_REQUEST", "additional_properties"],
    ["a duration of the wrong type", { duration: "5" }, "duration", "INVALID_REQUEST", "type"],
    ["a missing field", { model: undefined }, "model", "INVALID_REQUEST", "required"],
  ])("refuses %s with 400 naming the field, never forwarded", async (_, fields, field, code, constraint) => {
    const response = await proxy()(video(fields));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ status: "error", error: { code, details: { field, constraint } } });
    expect(upstream.requests).toHaveLength(0);
  });

  it.each([
    ["not JSON", "{prompt:"],
    ["invalid UTF-8", new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
    ["empty", ""],
  ])("refuses a body that is %s with 400", async (_, body) => {
    const request = new Request("http://app.test/v1/seedream/generate", { method: "POST", body });
    const response = await proxy()(request);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "INVALID_REQUEST" } });
    expect(upstream.requests).toHaveLength(0);
  });

  it("checks the Idempotency-Key header against the spec too", async () => {
    const response = await proxy()(video({}, { "Idempotency-Key": "k".repeat(256) }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { details: { field: "Idempotency-Key" } } });
    expect(upstream.requests).toHaveLength(0);
  });

  it("forwards the checked values only, so a duplicated key cannot smuggle a second value", async () => {
    const response = await proxy({ policy: { maxDuration: 10 } })(
      post("/v1/seedance/generate", '{"prompt":"Waves","model":"seedance-1.5-pro","duration":30,"duration":5}'),
    );
    expect(response.status).toBe(202);
    expect(upstream.requests[0]?.body).toBe('{"prompt":"Waves","model":"seedance-1.5-pro","duration":5}');
  });

  it("reaches the SDK in the browser as a BadRequestError with the field, like its own ValidationError", async () => {
    const handler = proxy();
    const client = new SeedanceClient({
      baseUrl: "http://app.test/api/seedance",
      authScheme: "none",
      validate: false,
      maxRetries: 0,
      fetch: (url, init) => handler(new Request(url, init)),
    });
    const tooLong = client.seedream.generate({ prompt: "x".repeat(301), model: "seedream-4.5" });
    await expect(tooLong).rejects.toBeInstanceOf(BadRequestError);
    await expect(tooLong).rejects.toMatchObject({ code: "INVALID_PROMPT", details: { field: "prompt" } });
  });
});

describe("a policy bypass by type", () => {
  it('refuses {"duration": "30"} under maxDuration 10 before the policy compares it, never forwarded', async () => {
    const handler = proxy({ policy: { maxDuration: 10 } });
    const asString = await handler(
      post("/v1/seedance/generate", '{"prompt":"p","model":"seedance-1.5-pro","duration":"30"}'),
    );
    expect(asString.status).toBe(400);
    expect(await asString.json()).toMatchObject({ error: { details: { field: "duration" } } });
    expect((await handler(video({ duration: 30 }))).status).toBe(403);
    expect(upstream.requests).toHaveLength(0);
    expect((await handler(video({ duration: 10 }))).status).toBe(202);
    expect(forwarded()).toEqual([{ prompt: "Waves", model: "seedance-1.5-pro", duration: 10 }]);
  });
});

describe("the browser chooses where deliveries go", () => {
  it("refuses a browser-supplied webhook_url by default with 403 naming policy.webhookUrl", async () => {
    const response = await proxy()(video({ webhook_url: "http://169.254.169.254/latest" }));
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain("policy.webhookUrl");
    expect(upstream.requests).toHaveLength(0);
  });

  it("sets a fixed policy.webhookUrl on every generate request, whatever the browser sent", async () => {
    const handler = proxy({ policy: { webhookUrl: "https://app.example/webhooks/seedance" } });
    expect((await handler(video({ webhook_url: "https://attacker.example/" }))).status).toBe(202);
    expect((await handler(video())).status).toBe(202);
    expect(forwarded().map((body) => body.webhook_url)).toEqual([
      "https://app.example/webhooks/seedance",
      "https://app.example/webhooks/seedance",
    ]);
  });

  it("asks a policy.webhookUrl function, which sees the caller and the browser's choice", async () => {
    const seen: unknown[] = [];
    const handler = proxy({
      policy: {
        authorize: () => ({ user: "u_123" }),
        webhookUrl: (_, context) => {
          seen.push(context);
          return context.requested?.startsWith("https://app.example/") ? context.requested : undefined;
        },
      },
    });
    await handler(video({ webhook_url: "https://app.example/hooks/u_123" }));
    await handler(video({ webhook_url: "https://attacker.example/" }));
    expect(seen).toEqual([
      { user: "u_123", requested: "https://app.example/hooks/u_123" },
      { user: "u_123", requested: "https://attacker.example/" },
    ]);
    expect(forwarded().map((body) => body.webhook_url)).toEqual(["https://app.example/hooks/u_123", undefined]);
  });

  it("answers 500, not forwarding, when policy.webhookUrl gives a URL the spec rejects", async () => {
    const response = await proxy({ policy: { webhookUrl: "not a url" } })(video());
    expect(response.status).toBe(500);
    expect(upstream.requests).toHaveLength(0);
  });
});

describe("no per-user quota", () => {
  it("gives each identity from authorize its own quota; over it, 429 with Retry-After, never forwarded", async () => {
    const handler = proxy({
      policy: {
        authorize: (request) => ({ user: request.headers.get("x-user") ?? "" }),
        quota: { requests: 2, windowSeconds: 3600 },
      },
    });
    const as = (user: string) => video({}, { "x-user": user });
    expect((await handler(as("u_1"))).status).toBe(202);
    expect((await handler(as("u_1"))).status).toBe(202);
    const over = await handler(as("u_1"));
    expect(over.status).toBe(429);
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(3590);
    expect(await over.json()).toMatchObject({ status: "error", error: { code: "RATE_LIMITED" } });
    expect((await handler(as("u_2"))).status).toBe(202);
    // Reading a task is not a generation: it is not counted.
    expect(
      (await handler(new Request("http://app.test/v1/tasks/task-1", { headers: { "x-user": "u_1" } }))).status,
    ).toBe(202);
    expect(upstream.requests).toHaveLength(4);
  });

  it("does not count a request the spec or the policy refused", async () => {
    const handler = proxy({
      policy: { authorize: () => ({ user: "u_1" }), maxDuration: 5, quota: { requests: 1, windowSeconds: 60 } },
    });
    expect((await handler(video({ duration: "5" }))).status).toBe(400);
    expect((await handler(video({ duration: 10 }))).status).toBe(403);
    expect((await handler(video())).status).toBe(202);
    expect((await handler(video())).status).toBe(429);
  });

  it("counts in the store it is given, and starts again when the window ends", async () => {
    let now = 0;
    const store = createMemoryQuotaStore({ now: () => now });
    const handler = proxy({ policy: { quota: { requests: 1, windowSeconds: 60, store } } });
    expect((await handler(video())).status).toBe(202);
    now = 59_500;
    const over = await handler(video());
    expect(over.status).toBe(429);
    expect(over.headers.get("retry-after")).toBe("1");
    now = 60_000;
    expect((await handler(video())).status).toBe(202);
  });

  it("reaches the SDK in the browser as a RateLimitError carrying the wait", async () => {
    const handler = proxy({ policy: { quota: { requests: 1, windowSeconds: 3600 } } });
    const client = new SeedanceClient({
      baseUrl: "http://app.test/api/seedance",
      authScheme: "none",
      fetch: (url, init) => handler(new Request(url, init)),
    });
    expect((await handler(video())).status).toBe(202);
    const over = client.seedance.generate({ prompt: "Waves", model: "seedance-1.5-pro", duration: 5 });
    await expect(over).rejects.toBeInstanceOf(RateLimitError);
    await expect(over).rejects.toMatchObject({ status: 429, retryAfter: expect.any(Number) });
  });
});

describe("createMemoryQuotaStore", () => {
  it("keeps at most maxEntries keys, dropping the oldest windows", () => {
    const store = createMemoryQuotaStore({ maxEntries: 2, now: () => 0 });
    store.increment("a", 60);
    store.increment("b", 60);
    store.increment("c", 60);
    expect(store.increment("a", 60)).toEqual({ count: 1, resetSeconds: 60 });
    expect(store.increment("c", 60)).toEqual({ count: 2, resetSeconds: 60 });
  });

  it("refuses a maxEntries below 1", () => {
    expect(() => createMemoryQuotaStore({ maxEntries: 0 })).toThrow(RangeError);
  });
});
