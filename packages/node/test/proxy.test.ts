// The Node http adapter over the shared proxy: a real http server in front of Prism, called by the
// SDK the way a browser app would call it (no key), plus a request outside the allow-list.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { createNodeProxyHandler, SeedanceClient } from "../src/index.js";

let server: Server;
let url: string;
const upstreamPaths: string[] = [];

beforeAll(async () => {
  const handler = createNodeProxyHandler({
    apiKey: "sk-server",
    baseUrl: inject("prismUrl"),
    allowAnonymous: true,
    logger: { warn: () => {} },
    fetch: (url, init) => {
      upstreamPaths.push(new URL(url).pathname);
      return fetch(url, init);
    },
  });
  server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/seedance`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

it("proxies the quickstart with the server's key, over Node http both ways", async () => {
  const client = new SeedanceClient({ baseUrl: url, authScheme: "none" });
  const image = await client.seedream.generate({ prompt: "A cyberpunk city street", model: "seedream-4.5" });
  expect(image.images[0]?.url).toMatch(/^https:\/\//);
  const video = await client.seedance.generate({ prompt: "A spacecraft", model: "seedance-1.5-pro", duration: 20 });
  expect((await client.task.getStatus(video.taskId)).status).toBe("processing");
  expect(upstreamPaths).toEqual(["/v1/seedream/generate", "/v1/seedance/generate", `/v1/tasks/${video.taskId}`]);
});

it("forwards a body express.json() already parsed, and answers 500 when a hook throws", async () => {
  const proxy = createNodeProxyHandler({
    apiKey: "sk-server",
    baseUrl: inject("prismUrl"),
    policy: { authorize: (request) => request.headers.get("x-crash") === null || Promise.reject(new Error("hook")) },
  });
  // What express.json() leaves behind: the stream consumed, its JSON on `req.body`.
  const parsing = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk);
    Object.assign(request, { body: JSON.parse(Buffer.concat(chunks).toString() || "{}") });
    await proxy(request, response);
  });
  await new Promise<void>((resolve) => parsing.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(parsing.address() as AddressInfo).port}`;
  try {
    const client = new SeedanceClient({ baseUrl: base, authScheme: "none" });
    const image = await client.seedream.generate({ prompt: "A lighthouse", model: "seedream-4.5" });
    expect(image.images).toHaveLength(1);
    const crashed = await fetch(`${base}/v1/tasks/task-1`, { headers: { "x-crash": "1" } });
    expect(crashed.status).toBe(500);
  } finally {
    parsing.closeAllConnections();
    parsing.close();
  }
});

it("answers 403 outside the allow-list without calling upstream", async () => {
  upstreamPaths.length = 0;
  const response = await fetch(`${url}/v1/admin/keys`, { method: "POST", body: "{}" });
  expect(response.status).toBe(403);
  expect(upstreamPaths).toEqual([]);
});
