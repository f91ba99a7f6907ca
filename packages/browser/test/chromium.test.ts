// @seedance/browser in real headless Chromium: the page (bundled from the build output) calls
// Prism, scripted loopback servers, and the app's own proxy (@seedance/edge's createProxyHandler in
// Node, mounted on the page's origin, in front of Prism), as an app would.
import { API_OPERATIONS, createProxyHandler } from "@seedance/edge";
import { type ScriptedServer, sendJson, startScriptedServer } from "@seedance/testkit";
import { type Chromium, launchChromium } from "@seedance/testkit/chromium";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { bundlePage } from "./harness/bundle.ts";
import { withCors } from "./harness/cors.ts";
import { PROXY_MOUNT, pageHandler } from "./harness/page-server.ts";
import { type Served, serve } from "./harness/serve.ts";
import type { Scenarios } from "./page/main.ts";

const SERVER_KEY = "sk-server-side-secret";
const fromBrowser: Headers[] = [];
/** What the proxy sent to the upstream (Prism). */
const upstream: Request[] = [];
const imageOk = {
  status: "success",
  data: { task_id: "task-1", images: [{ id: "img-1", url: "https://cdn.example/img-1.png" }], model: "seedream-4.5" },
};

const taskStatus = {
  status: "success",
  data: {
    task_id: "task-1",
    status: "processing",
    progress: 40,
    created_at: "2024-01-15T10:30:00Z",
    updated_at: "2024-01-15T10:32:15Z",
  },
};

let browser: Chromium;
let page: Page;
let site: Served;
const scripted: ScriptedServer[] = [];

beforeAll(async () => {
  const proxy = createProxyHandler({
    apiKey: SERVER_KEY,
    baseUrl: inject("prismUrl"),
    // The page under test has no sign-in; its start-up warning is not this test's to show.
    allowAnonymous: true,
    logger: { warn: () => {} },
    // Everything but the final result, so the page can try an operation outside the allow-list.
    allow: API_OPERATIONS.filter((operation) => !operation.path.startsWith("/v1/results/")),
    fetch: (url, init) => {
      upstream.push(new Request(url, init));
      return fetch(url, init);
    },
  });
  site = await serve(
    pageHandler(await bundlePage(), (request) => {
      fromBrowser.push(request.headers);
      return proxy(request);
    }),
  );
  browser = await launchChromium();
  page = await browser.context.newPage();
  await page.goto(site.url);
  await page.waitForFunction(() => "scenarios" in window);
});

afterEach(async () => {
  await Promise.all(scripted.splice(0).map((server) => server.stop()));
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

/** Runs a scenario of test/page/main.ts in the page and returns its result. */
function run<K extends keyof Scenarios>(name: K, ...input: Parameters<Scenarios[K]>) {
  return page.evaluate(([scenario, args]) => (window.scenarios[scenario] as (...args: unknown[]) => unknown)(...args), [
    name,
    input,
  ] as const) as Promise<Awaited<ReturnType<Scenarios[K]>>>;
}

/** A scripted server the page may call across origins. */
async function crossOrigin(script: Parameters<typeof withCors>[1]) {
  const server = await startScriptedServer(withCors(site.url, script));
  scripted.push(server);
  return server;
}

describe("@seedance/browser in Chromium", () => {
  it("runs in Chromium, not in Node", async () => {
    expect(await page.evaluate(() => navigator.userAgent)).toMatch(/HeadlessChrome\/\d+/);
  });

  it("runs the quickstart against Prism with an opted-in key: image, video, status", async () => {
    const result = await run("quickstart", { baseUrl: inject("prismUrl") });
    expect(result.imageUrl).toMatch(/^https:\/\//);
    expect(result.taskId).toEqual(expect.any(String));
    expect(result.status).toEqual(expect.any(String));
  });

  it("retries a 429 after its Retry-After, then succeeds, reading the exposed rate-limit headers", async () => {
    const server = await crossOrigin((_, res, i) =>
      i === 0
        ? sendJson(
            res,
            429,
            { status: "error", error: { code: "RATE_LIMITED", message: "slow down" } },
            { "retry-after": "1" },
          )
        : sendJson(res, 200, imageOk),
    );
    const result = await run("retry", { baseUrl: server.url });
    expect(result).toEqual({ imageUrl: "https://cdn.example/img-1.png", rateLimit: 1000 });
    const posts = server.requests.filter((request) => request.method === "POST");
    expect(posts).toHaveLength(2);
    expect(posts[0]?.headers["idempotency-key"]).toBe(posts[1]?.headers["idempotency-key"]);
    expect((posts[1]?.at ?? 0) - (posts[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it("follows no redirect: the browser hides it, so RedirectError has status 0 and no location, and the other origin gets nothing", async () => {
    const elsewhere = await crossOrigin((_, res) => sendJson(res, 200, imageOk));
    const server = await crossOrigin((_, res) => {
      res.writeHead(307, { location: `${elsewhere.url}/v1/tasks/task-1` }).end();
    });
    const result = await run("redirected", { baseUrl: server.url });
    expect(result).toMatchObject({ name: "RedirectError", status: 0, location: undefined });
    expect(result.message).toMatch(/never follows redirects/);
    expect(elsewhere.requests).toEqual([]);
  });

  it("asks CORS for no header beyond what the API needs", async () => {
    const server = await crossOrigin((_, res) => sendJson(res, 200, imageOk));
    await run("retry", { baseUrl: server.url });
    const preflights = server.requests.filter((request) => request.method === "OPTIONS");
    expect(preflights).toHaveLength(1);
    const asked = String(preflights[0]?.headers["access-control-request-headers"]).split(",").sort();
    expect(asked).toEqual(["authorization", "content-type", "idempotency-key"]);
  });

  it("polls a task through a key-less client with a simple request (no preflight)", async () => {
    const server = await crossOrigin((_, res) => sendJson(res, 200, taskStatus));
    expect(await run("status", { proxyUrl: server.url, taskId: "task-1" })).toBe("processing");
    expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual(["GET /v1/tasks/task-1"]);
  });

  it("rejects a 301-character prompt with a ValidationError before sending anything", async () => {
    const server = await crossOrigin((_, res) => sendJson(res, 200, imageOk));
    const error = await run("validation", { baseUrl: server.url });
    expect(error).toMatchObject({ name: "ValidationError", code: "INVALID_PROMPT" });
    expect(server.requests).toHaveLength(0);
  });

  it("refuses a key without dangerouslyAllowBrowser, explaining the proxy", async () => {
    const error = await run("keyWithoutOptIn");
    expect(error.name).toBe("SeedanceError");
    expect(error.message).toContain("proxyUrl");
    expect(error.message).toContain("dangerouslyAllowBrowser: true");
  });

  it("refuses to guess when given neither a proxy nor a key, or both", async () => {
    const [neither, both] = await run("misconfigured");
    expect(neither?.message).toContain("Missing `proxyUrl`");
    expect(both?.message).toContain("either `proxyUrl` or `apiKey`");
  });

  it("calls through the app's proxy, which adds the key: the browser never sends one", async () => {
    fromBrowser.length = 0;
    upstream.length = 0;
    const result = await run("proxied", { proxyUrl: PROXY_MOUNT });
    expect(result.imageUrl).toMatch(/^https:\/\//);
    expect(result.status).toEqual(expect.any(String));
    expect(fromBrowser).toHaveLength(3);
    for (const headers of fromBrowser) {
      expect(headers.has("authorization") || headers.has("x-api-key")).toBe(false);
    }
    expect(upstream.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual([
      "POST /v1/seedream/generate",
      "POST /v1/seedance/generate",
      `GET /v1/tasks/${result.taskId}`,
    ]);
    for (const request of upstream) expect(request.headers.get("authorization")).toBe(`Bearer ${SERVER_KEY}`);
  });

  it("gets a 403 for an operation outside the proxy's allow-list, which never reaches the upstream", async () => {
    upstream.length = 0;
    const error = await run("outsideAllowList", { proxyUrl: PROXY_MOUNT });
    expect(error).toMatchObject({ name: "PermissionDeniedError", code: "FORBIDDEN" });
    expect(upstream).toHaveLength(0);
  });

  describe("download", () => {
    const SIZE = 300 * 1024;
    const body = Buffer.from(Array.from({ length: SIZE }, (_, i) => (i * 7) % 251));
    const checksum = body.reduce((sum, byte) => (sum + byte) % 65_521, 0);

    /** Sends the body in 16 KB chunks, pausing `pauseMs` after the first one. */
    const video = (pauseMs: number) =>
      crossOrigin(async (_, res) => {
        res.writeHead(200, { "content-type": "video/mp4", "content-length": String(SIZE) });
        for (let offset = 0; offset < SIZE; offset += 16 * 1024) {
          res.write(body.subarray(offset, offset + 16 * 1024));
          await new Promise((resolve) => setTimeout(resolve, offset === 0 ? pauseMs : 1));
        }
        res.end();
      });

    it("downloads to a Blob, reporting progress, with a simple request (no preflight)", async () => {
      const server = await video(0);
      const result = await run("download", { url: `${server.url}/video.mp4` });
      expect(result).toMatchObject({ size: SIZE, type: "video/mp4", checksum });
      expect(result.progress.length).toBeGreaterThan(1);
      expect(result.progress.every((p) => p.total === SIZE)).toBe(true);
      const loaded = result.progress.map((p) => p.loaded);
      expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
      expect(loaded.at(-1)).toBe(SIZE);
      expect(server.requests.map((request) => request.method)).toEqual(["GET"]);
      expect(server.requests[0]?.headers.authorization).toBeUndefined();
    });

    it("throws the status's typed error when the server refuses", async () => {
      const server = await crossOrigin((_, res) => {
        res.writeHead(404).end();
      });
      const error = await run("downloadMissing", { url: `${server.url}/gone.mp4` });
      expect(error.name).toBe("NotFoundError");
    });

    it("stops a body larger than maxBytes with ResponseTooLargeError, instead of holding it all", async () => {
      const server = await video(0);
      const error = await run("downloadTooLarge", { url: `${server.url}/video.mp4` });
      expect(error).toMatchObject({
        name: "ResponseTooLargeError",
        message: expect.stringMatching(/over maxBytes \(102400 bytes\)/),
      });
    });

    it("stops with an AbortError when its signal aborts", async () => {
      const server = await video(2000);
      const error = await run("downloadAborted", { url: `${server.url}/video.mp4` });
      expect(error.name).toBe("AbortError");
    });
  });
});
