// The proxy against a scripted upstream (to see exactly what is forwarded) and against Prism (to
// see that what it forwards is what the spec expects).
import { assertNoViolations, type ScriptedServer, sendJson, startScriptedServer } from "@seedance/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { API_OPERATIONS, createProxyHandler, PermissionDeniedError, SeedanceClient } from "../src/index.js";

let upstream: ScriptedServer;
beforeAll(async () => {
  upstream = await startScriptedServer((_, response) => sendJson(response, 200, { ok: true }, { "set-cookie": "a=b" }));
});
afterAll(() => upstream.stop());
beforeEach(() => {
  upstream.requests.length = 0;
});

/** A proxy without `authorize`, as these tests mean it; its start-up warning is not theirs to show. */
const anonymous = { allowAnonymous: true, logger: { warn: () => {} } } as const;

const browserHeaders = {
  Authorization: "Bearer browser-token",
  "X-API-Key": "browser-key",
  Cookie: "session=abc",
  "Content-Type": "application/json",
};

describe("the allow-list", () => {
  it("is every operation of the spec, read from the generated code", () => {
    expect(API_OPERATIONS).toEqual([
      { method: "POST", path: "/v1/seedream/generate" },
      { method: "POST", path: "/v1/seedance/generate" },
      { method: "GET", path: "/v1/tasks/{task_id}" },
      { method: "GET", path: "/v1/results/{task_id}" },
    ]);
  });

  it.each([
    ["GET", "/api/seedance/v1/admin"],
    ["DELETE", "/api/seedance/v1/tasks/task-1"],
    ["GET", "/api/seedance/v1/seedream/generate"],
    ["GET", "/api/seedance/v1/tasks/..%2F..%2Fadmin"],
    ["GET", "/api/seedance/v1/tasks/%2e%2e"],
    ["GET", "/api/seedance/v1/tasks/a%2Fb"],
  ])("answers 403 to %s %s without calling upstream", async (method, path) => {
    const handler = createProxyHandler({ ...anonymous, apiKey: "sk-server", baseUrl: upstream.url });
    const response = await handler(new Request(`http://app.test${path}`, { method }));
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ status: "error", error: { code: "FORBIDDEN" } });
    expect(upstream.requests).toHaveLength(0);
  });

  it("forwards only what `allow` lists", async () => {
    const handler = createProxyHandler({
      ...anonymous,
      apiKey: "sk-server",
      baseUrl: upstream.url,
      allow: API_OPERATIONS.filter((operation) => operation.method === "GET"),
    });
    const denied = await handler(new Request("http://app.test/v1/seedream/generate", { method: "POST", body: "{}" }));
    expect(denied.status).toBe(403);
    const allowed = await handler(new Request("http://app.test/v1/tasks/task-1"));
    expect(allowed.status).toBe(200);
    expect(upstream.requests.map((r) => r.path)).toEqual(["/v1/tasks/task-1"]);
  });
});

describe("forwarding", () => {
  it("replaces the browser's credentials with the key, strips the query and upstream cookies", async () => {
    const handler = createProxyHandler({ ...anonymous, apiKey: "sk-server", baseUrl: upstream.url });
    const body = JSON.stringify({ prompt: "p", model: "seedream-4.5" });
    const response = await handler(
      new Request("http://app.test/api/seedance/v1/seedream/generate?debug=1", {
        method: "POST",
        headers: { ...browserHeaders, "Idempotency-Key": "idem-1" },
        body,
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(await response.json()).toEqual({ ok: true });
    const [forwarded] = upstream.requests;
    expect(forwarded?.path).toBe("/v1/seedream/generate");
    expect(forwarded?.body).toBe(body);
    expect(forwarded?.headers).toMatchObject({ authorization: "Bearer sk-server", "idempotency-key": "idem-1" });
    expect(forwarded?.headers).not.toHaveProperty("x-api-key");
    expect(forwarded?.headers).not.toHaveProperty("cookie");
  });

  it("relays the answer once it is whole (to look for the key in it), byte for byte when the key is not there", async () => {
    const text = '{"status":"success","data":{"prompt":"\u202e \u001b[31m"}}';
    const split = await startScriptedServer(async (_, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.write(text.slice(0, 9));
      await new Promise((resolve) => setTimeout(resolve, 50));
      response.end(text.slice(9));
    });
    try {
      const handler = createProxyHandler({ ...anonymous, apiKey: "k-absent", baseUrl: split.url });
      const response = await handler(new Request("http://app.test/v1/tasks/task-1"));
      expect(await response.text()).toBe(text);
    } finally {
      await split.stop();
    }
  });

  it("answers 502 in the API's envelope when upstream is unreachable", async () => {
    const handler = createProxyHandler({ ...anonymous, apiKey: "k", baseUrl: "http://127.0.0.1:1" });
    const response = await handler(new Request("http://app.test/v1/tasks/task-1"));
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ error: { code: "SERVICE_UNAVAILABLE" } });
  });

  it("answers 504 when upstream stalls past the timeout, instead of holding the browser forever", async () => {
    const stalled = await startScriptedServer(() => {});
    try {
      const handler = createProxyHandler({ ...anonymous, apiKey: "k", baseUrl: stalled.url, timeout: 200 });
      const started = Date.now();
      const response = await handler(new Request("http://app.test/v1/tasks/task-1"));
      expect(response.status).toBe(504);
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      await stalled.stop();
    }
  });

  it("answers 413 to a body larger than it forwards, without calling upstream", async () => {
    const handler = createProxyHandler({ ...anonymous, apiKey: "k", baseUrl: upstream.url, maxBodyBytes: 1024 });
    const body = JSON.stringify({ prompt: "x".repeat(2000), model: "seedream-4.5" });
    const response = await handler(new Request("http://app.test/v1/seedream/generate", { method: "POST", body }));
    expect(response.status).toBe(413);
    expect(upstream.requests).toHaveLength(0);
  });

  it("refuses to start without an API key, naming the option", () => {
    expect(() => createProxyHandler({ apiKey: "" })).toThrow(/apiKey/);
  });
});

describe("policy", () => {
  const video = (body: Record<string, unknown>) =>
    new Request("http://app.test/v1/seedance/generate", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ prompt: "p", model: "seedance-1.5-pro", duration: 10, resolution: "720p", ...body }),
    });

  it("refuses a duration over maxDuration and a resolution not allowed", async () => {
    const handler = createProxyHandler({
      ...anonymous,
      apiKey: "k",
      baseUrl: upstream.url,
      policy: { maxDuration: 10, resolutions: ["720p"] },
    });
    expect((await handler(video({ duration: 11 }))).status).toBe(403);
    expect((await handler(video({ resolution: "4k" }))).status).toBe(403);
    expect((await handler(video({ resolution: undefined }))).status).toBe(403);
    expect(upstream.requests).toHaveLength(0);
    expect((await handler(video({}))).status).toBe(200);
  });

  it("asks authorize() first, with the browser's own cookies", async () => {
    const seen: string[] = [];
    const handler = createProxyHandler({
      apiKey: "k",
      baseUrl: upstream.url,
      policy: {
        authorize: (request) => {
          const cookie = request.headers.get("cookie") ?? "";
          seen.push(cookie);
          if (cookie === "") return new Response("sign in first", { status: 401 });
          return cookie === "session=admin";
        },
      },
    });
    expect((await handler(new Request("http://app.test/v1/tasks/t"))).status).toBe(401);
    const forbidden = new Request("http://app.test/v1/tasks/t", { headers: { Cookie: "session=guest" } });
    expect((await handler(forbidden)).status).toBe(403);
    const allowed = new Request("http://app.test/v1/tasks/t", { headers: { Cookie: "session=admin" } });
    expect((await handler(allowed)).status).toBe(200);
    expect(seen).toEqual(["", "session=guest", "session=admin"]);
    expect(upstream.requests).toHaveLength(1);
  });
});

describe("the SDK through the proxy, against Prism", () => {
  const handler = createProxyHandler({
    ...anonymous,
    apiKey: "sk-server",
    baseUrl: inject("prismUrl"),
    policy: { maxDuration: 20 },
  });
  const client = new SeedanceClient({
    baseUrl: "http://app.test/api/seedance",
    authScheme: "none",
    fetch: async (url, init) => {
      const response = await handler(new Request(url, init));
      if (response.headers.has("sl-violations")) assertNoViolations(response.clone());
      return response;
    },
  });

  it("runs the quickstart without any key in the browser", async () => {
    const image = await client.seedream.generate({ prompt: "A cyberpunk city street", model: "seedream-4.5" });
    expect(image.images[0]?.url).toMatch(/^https:\/\//);
    const video = await client.seedance.generate({ prompt: "A spacecraft", model: "seedance-1.5-pro", duration: 20 });
    expect((await client.task.getStatus(video.taskId)).status).toBe("processing");
  });

  it("turns a policy refusal into the SDK's PermissionDeniedError", async () => {
    const tooLong = client.seedance.generate({ prompt: "A spacecraft", model: "seedance-1.5-pro", duration: 30 });
    await expect(tooLong).rejects.toBeInstanceOf(PermissionDeniedError);
  });
});
