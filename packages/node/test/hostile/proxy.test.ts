// The proxy between a browser and a hostile (or impersonated) API, edge and Node alike: it never
// relays the key, never follows a redirect with it, relays no more than maxResponseBytes, gives a
// browser's body readTimeout, and does not start without `authorize` unless told to.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createProxyHandler, type ProxyOptions } from "@seedance/edge";
import { largeBody, pushed, redirectTo, scriptedServerPool, sendJson, slowlorisPost } from "@seedance/testkit";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createNodeProxyHandler } from "../../src/index.js";

const KEY = "sk-hostile-proxy-77e0";
/** A proxy without `authorize`, as these tests mean it; its start-up warning is not theirs to show. */
const anonymous = { allowAnonymous: true, logger: { warn: () => {} } } as const;

interface Proxy {
  /** Sends a browser's request through the proxy. */
  send(path: string, init?: RequestInit): Promise<Response>;
  /** POSTs a body that never completes, as a stalled or slowloris browser does; the status answered. */
  drip(path: string): Promise<number | undefined>;
}

const upstreams = scriptedServerPool();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all([upstreams.stopAll(), ...cleanups.splice(0).map((cleanup) => cleanup())]);
});
const upstreamWith = upstreams.serve;

const PROXIES = [
  {
    name: "edge proxy (createProxyHandler)",
    async start(options: ProxyOptions): Promise<Proxy> {
      const handle = createProxyHandler(options);
      const request = (path: string, init?: RequestInit) => new Request(`https://app.test${path}`, init);
      return {
        send: (path, init) => handle(request(path, init)),
        drip: async (path) => {
          // One byte, then nothing: the runtime hands the handler a body that never ends.
          const body = new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(new TextEncoder().encode("{")) });
          const init = { method: "POST", headers: { "content-type": "application/json" }, body, duplex: "half" };
          return (await handle(request(path, init as RequestInit))).status;
        },
      };
    },
  },
  {
    name: "Node proxy (createNodeProxyHandler)",
    async start(options: ProxyOptions): Promise<Proxy> {
      const server = createServer(createNodeProxyHandler(options));
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      cleanups.push(() => stopServer(server));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      return {
        send: (path, init) => fetch(`${url}${path}`, init),
        drip: async (path) => {
          const headers = { "content-type": "application/json" };
          const sent = await slowlorisPost(`${url}${path}`, { headers, intervalMs: 50, giveUpAfterMs: 5000 });
          // Answered, and the connection closed rather than kept to read the rest of the drip.
          return sent.closedAfterMs === undefined ? undefined : sent.status;
        },
      };
    },
  },
];

function stopServer(server: ReturnType<typeof createServer>): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

const generate = {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ prompt: "a fox", model: "seedream-4.5" }),
};

describe.each(PROXIES)("the $name", ({ start }) => {
  it("relays an upstream 401 that echoes the key without the key, in its body and headers", async () => {
    const upstream = await upstreamWith((request, response) =>
      sendJson(
        response,
        401,
        {
          status: "error",
          error: { code: "INVALID_API_KEY", message: `the key ${request.headers.authorization} is revoked` },
        },
        { "www-authenticate": `Bearer realm="api", key="${KEY}"`, "x-echo": String(request.headers.authorization) },
      ),
    );
    const proxy = await start({ ...anonymous, apiKey: KEY, baseUrl: upstream.url });
    const response = await proxy.send("/api/seedance/v1/tasks/task-1");
    const body = await response.text();
    expect(response.status).toBe(401);
    expect(upstream.requests[0]?.headers.authorization).toBe(`Bearer ${KEY}`); // the key did go upstream
    expect(body).toContain("Bearer [redacted] is revoked");
    expect(JSON.stringify([...response.headers])).toContain("[redacted]");
    expect(`${body} ${JSON.stringify([...response.headers])}`).not.toContain(KEY);
  });

  it.each([307, 308] as const)(
    "answers an upstream %i to another origin with 502, and sends that origin nothing",
    async (status) => {
      const elsewhere = await upstreamWith((_, response) => sendJson(response, 200, {}));
      const upstream = await upstreamWith(redirectTo(status, `${elsewhere.url}/v1/seedream/generate`));
      const proxy = await start({ ...anonymous, apiKey: KEY, baseUrl: upstream.url });
      for (const init of [undefined, generate]) {
        const path = init ? "/api/seedance/v1/seedream/generate" : "/api/seedance/v1/tasks/task-1";
        const response = await proxy.send(path, init);
        expect(response.status).toBe(502);
        expect(await response.json()).toMatchObject({ error: { code: "SERVICE_UNAVAILABLE", message: /redirect/ } });
      }
      expect(upstream.requests).toHaveLength(2);
      expect(elsewhere.requests).toEqual([]);
    },
  );

  it("answers an endless upstream body with 502 at maxResponseBytes instead of relaying it", async () => {
    const counter = pushed();
    const upstream = await upstreamWith(largeBody(counter, { total: Number.POSITIVE_INFINITY }));
    const proxy = await start({ ...anonymous, apiKey: KEY, baseUrl: upstream.url, maxResponseBytes: 1024 * 1024 });
    const response = await proxy.send("/api/seedance/v1/tasks/task-1");
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ error: { message: /maxResponseBytes/ } });
    await vi.waitFor(() => expect(counter.cutByClient).toBe(true));
    expect(counter.bytes).toBeLessThan(64 * 1024 * 1024);
  });

  it("answers a browser that drips its body 408 at readTimeout, without calling upstream", async () => {
    const upstream = await upstreamWith((_, response) => sendJson(response, 200, {}));
    const proxy = await start({ ...anonymous, apiKey: KEY, baseUrl: upstream.url, readTimeout: 300 });
    expect(await proxy.drip("/api/seedance/v1/seedream/generate")).toBe(408);
    expect(upstream.requests).toEqual([]);
  });
});

describe("createProxyHandler and createNodeProxyHandler", () => {
  it.each([
    ["createProxyHandler", createProxyHandler],
    ["createNodeProxyHandler", createNodeProxyHandler],
  ] as const)(
    "%s, without authorize, refuses to start (an anonymous request would spend the app's key) unless allowAnonymous: true, and then warns once",
    (_, create) => {
      expect(() => create({ apiKey: KEY })).toThrow(/policy\.authorize.*allowAnonymous: true/s);
      expect(() => create({ apiKey: KEY, policy: { maxDuration: 5 } })).toThrow(/allowAnonymous/);
      const warn = vi.fn();
      create({ apiKey: KEY, allowAnonymous: true, logger: { warn } });
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0]?.[0]).toMatch(/anyone who can reach it spends your API key/);
      const quiet = vi.fn();
      create({ apiKey: KEY, policy: { authorize: () => true }, logger: { warn: quiet } });
      expect(quiet).not.toHaveBeenCalled();
    },
  );
});
