// The edge proxy's checks through the Node adapter, over real HTTP: the findings, each named
// after it, and the edge package's fuzz run sent through a Node http server.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type ScriptedServer, sendJson, startScriptedServer } from "@seedance/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fuzzPolicy, fuzzProxy, KEY } from "../../edge/test/fuzz/requests.js";
import { createNodeProxyHandler, type ProxyOptions } from "../src/index.js";

let upstream: ScriptedServer;
const servers: Server[] = [];
beforeAll(async () => {
  upstream = await startScriptedServer((_, response) => sendJson(response, 202, { ok: true }));
});
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  await upstream.stop();
});
beforeEach(() => {
  upstream.requests.length = 0;
});

/** A Node http server with the proxy, and a `send` that turns a web Request into an HTTP call to it. */
async function serveProxy(options: Partial<ProxyOptions> = {}) {
  // Without `authorize` unless a test gives one; the start-up warning is not these tests' to show.
  const anonymous = { allowAnonymous: true, logger: { warn: () => {} } };
  const server = createServer(createNodeProxyHandler({ apiKey: KEY, baseUrl: upstream.url, ...anonymous, ...options }));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return async (request: Request) => {
    const { pathname, search } = new URL(request.url);
    const body = request.body ? await request.arrayBuffer() : undefined;
    return fetch(`${origin}${pathname}${search}`, { method: request.method, headers: request.headers, body });
  };
}

const video = (fields: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  new Request("http://app.test/api/seedance/v1/seedance/generate", {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify({ prompt: "Waves", model: "seedance-1.5-pro", duration: 5, ...fields }),
  });

describe("bodies are not validated", () => {
  it("refuses a 301-character prompt and an unknown nested field with 400, never forwarded", async () => {
    const send = await serveProxy();
    const tooLong = await send(video({ prompt: "x".repeat(301) }));
    expect(tooLong.status).toBe(400);
    expect(await tooLong.json()).toMatchObject({ error: { code: "INVALID_PROMPT", details: { field: "prompt" } } });
    const unknown = await send(video({ extra: { nested: true } }));
    expect(await unknown.json()).toMatchObject({
      error: { details: { field: "extra", constraint: "additional_properties" } },
    });
    expect(upstream.requests).toHaveLength(0);
  });
});

describe("a policy bypass by type", () => {
  it('refuses {"duration": "30"} under maxDuration 10 with 400, never forwarded', async () => {
    const send = await serveProxy({ policy: { maxDuration: 10 } });
    expect((await send(video({ duration: "30" }))).status).toBe(400);
    expect(upstream.requests).toHaveLength(0);
  });
});

describe("the browser chooses where deliveries go", () => {
  it("refuses the browser's webhook_url by default, and sends policy.webhookUrl instead when set", async () => {
    const refusing = await serveProxy();
    expect((await refusing(video({ webhook_url: "http://169.254.169.254/latest" }))).status).toBe(403);
    const fixed = await serveProxy({ policy: { webhookUrl: "https://app.example/webhooks/seedance" } });
    expect((await fixed(video({ webhook_url: "http://169.254.169.254/latest" }))).status).toBe(202);
    expect(upstream.requests.map((request) => JSON.parse(request.body).webhook_url)).toEqual([
      "https://app.example/webhooks/seedance",
    ]);
  });
});

describe("no per-user quota", () => {
  it("answers 429 with Retry-After once a user from authorize is over policy.quota", async () => {
    const send = await serveProxy({
      policy: { authorize: () => ({ user: "u_123" }), quota: { requests: 1, windowSeconds: 60 } },
    });
    expect((await send(video())).status).toBe(202);
    const over = await send(video());
    expect(over.status).toBe(429);
    expect(over.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(upstream.requests).toHaveLength(1);
  });
});

describe.each([
  ["the default policy", false],
  ["a fixed webhook URL and per-user quotas", true],
])("random requests over HTTP, with %s", (_, fixedWebhook) => {
  it("reach the upstream only inside the spec and the policy, with the server's key", async () => {
    const send = await serveProxy({ maxBodyBytes: 16 * 1024, policy: fuzzPolicy(fixedWebhook) });
    await fuzzProxy({ upstream, fixedWebhook, runs: 100, send, expectStatuses: [400, 403] });
  });
});
