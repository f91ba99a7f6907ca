// seedance-mcp against servers that misbehave on purpose: an API that echoes the key everywhere it
// can, and media hosts whose images are huge, endless or dripping. What reaches the agent (tool
// results, tasks) and the server's log is checked, and the server's memory measured from outside.
import { readFileSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { CallToolResultSchema, CreateTaskResultSchema } from "@modelcontextprotocol/sdk/types.js";
import { SeedanceClient } from "@seedance/node";
import { type ScriptedServer, sendJson, startScriptedServer } from "@seedance/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { createSeedanceMcpServer } from "../src/server.ts";
import { canaryKey, type StdioServer, startStdio, textOf } from "./support.ts";

const MiB = 1024 * 1024;
const servers: ScriptedServer[] = [];
const processes: StdioServer[] = [];
afterEach(async () => {
  for (const instance of processes.splice(0)) instance.kill();
  await Promise.all(servers.splice(0).map((server) => server.stop()));
});

async function scripted(script: Parameters<typeof startScriptedServer>[0]) {
  const server = await startScriptedServer(script);
  servers.push(server);
  return server;
}

async function stdio(env: Record<string, string>, args: string[] = []) {
  const instance = await startStdio({ env, args });
  processes.push(instance);
  return instance;
}

/** Peak resident memory of a process so far, in bytes, read from outside it (Linux). */
const peakRss = (pid: number) =>
  Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]) * 1024;

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Writes `total` bytes of a fake PNG in 64 KiB chunks, heeding backpressure; stops when the client goes away. */
async function stream(response: ServerResponse, total: number, sent: { bytes: number; closed: boolean }) {
  response.once("close", () => (sent.closed = true));
  const chunk = Buffer.alloc(64 * 1024, 7);
  PNG.copy(chunk);
  while (sent.bytes < total && !sent.closed) {
    sent.bytes += chunk.byteLength;
    if (!response.write(chunk)) {
      await new Promise<void>((resolve) => {
        const go = () => {
          response.off("drain", go).off("close", go);
          resolve();
        };
        response.on("drain", go).on("close", go);
      });
    }
  }
  response.end();
}

/** An image generation whose images are at `paths` of the same server. */
const imagesAt = (response: ServerResponse, base: string, paths: string[]) =>
  sendJson(response, 200, {
    status: "success",
    data: {
      task_id: "task-hostile",
      model: "seedream-4.5",
      images: paths.map((path, index) => ({ id: `img-${index}`, url: `${base}${path}` })),
    },
  });

describe("--inline-images against a hostile media host", () => {
  it("reads a 256 MiB image with no Content-Length only up to its limit, with bounded memory (peak RSS of the server process)", async () => {
    const sent = { bytes: 0, closed: false };
    const api = await scripted(async (request, response) => {
      if (request.path === "/media/huge.png") return stream(response, 256 * MiB, sent);
      imagesAt(response, api.url, ["/media/huge.png"]);
    });
    const server = await stdio({ SEEDANCE_API_KEY: canaryKey(), SEEDANCE_BASE_URL: api.url }, ["--inline-images"]);
    await server.client.listTools();
    const pid = server.child.pid as number;
    const before = peakRss(pid);
    const result = await server.client.callTool({
      name: "generate_image",
      arguments: { prompt: "A red barn", model: "seedream-4.5" },
    });
    const grown = peakRss(pid) - before;
    const blocks = result.content as { type: string; text?: string }[];
    expect(blocks.map((block) => block.type)).toEqual(["text", "text"]);
    expect(blocks[1]?.text).toMatch(/^Not inlined \(over 1048576 bytes/);
    expect(grown, `peak RSS grew by ${Math.round(grown / MiB)} MiB`).toBeLessThan(100 * MiB);
    // The download stopped near the limit: the host saw the connection close long before 256 MiB.
    await expect.poll(() => sent.closed).toBe(true);
    expect(sent.bytes).toBeLessThan(32 * MiB);
  });

  it("gives up on a dripping image host at its deadline, and inlines only bytes that are an image", async () => {
    const drip = { closed: false };
    const api = await scripted(async (request, response) => {
      if (request.path === "/media/drip.png") {
        response.writeHead(200, { "content-type": "image/png" });
        response.write(PNG);
        response.once("close", () => (drip.closed = true));
        const timer = setInterval(() => response.write("x"), 1000);
        response.once("close", () => clearInterval(timer));
        return;
      }
      if (request.path === "/media/page.png") return void response.end("<html>not an image</html>");
      if (request.path === "/media/small.png") return void response.end(Buffer.concat([PNG, Buffer.alloc(100)]));
      imagesAt(response, api.url, ["/media/drip.png", "/media/page.png", "/media/small.png"]);
    });
    const key = canaryKey();
    const sdk = new SeedanceClient({ apiKey: key, baseUrl: api.url, maxRetries: 0 });
    const server = createSeedanceMcpServer({
      client: sdk,
      apiKey: key,
      inlineImages: { maxBytes: MiB, timeoutMs: 1500 },
    });
    const client = new Client({ name: "hostile-tests", version: "0" });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
    try {
      const started = Date.now();
      const result = await client.callTool({
        name: "generate_image",
        arguments: { prompt: "A red barn", model: "seedream-4.5" },
      });
      expect(Date.now() - started).toBeLessThan(10_000);
      const [, dripped, page, small] = result.content as { type: string; text?: string; mimeType?: string }[];
      expect(dripped?.text).toMatch(/^Not inlined \(.*not read within 1500 ms\): http.*drip\.png$/);
      expect(page?.text).toMatch(/^Not inlined .*page\.png$/);
      expect(small).toMatchObject({ type: "image", mimeType: "image/png" });
      await expect.poll(() => drip.closed).toBe(true);
    } finally {
      await client.close();
      await server.close();
    }
  });
});

describe("an API that echoes the key", () => {
  it("puts the key into no tool result, no task and no server log line, and no terminal control reaches either", async () => {
    const key = canaryKey();
    const trap = "\u001b]0;pwned\u0007\u001b[2J\u202e";
    const api = await scripted((request, response) => {
      const echoed = (request.headers.authorization ?? "").replace(/^Bearer /, "");
      const say = `the key is ${echoed} (Bearer ${echoed})${trap}`;
      const fail = (status: number, code: string, details?: unknown) =>
        sendJson(response, status, { status: "error", error: { code, message: say, ...(details ? { details } : {}) } });
      const [path] = request.path.split("?") as [string];
      if (path === "/v1/seedream/generate") {
        return sendJson(response, 200, {
          status: "success",
          data: {
            task_id: `task-${echoed}`,
            model: "seedream-4.5",
            note: say,
            images: [{ id: echoed, url: `${api.url}/media/${echoed}.png?${trap}`, format: say }],
            [echoed]: say,
          },
        });
      }
      if (path === "/v1/seedance/generate") {
        const prompt = (JSON.parse(request.body) as { prompt: string }).prompt;
        if (prompt === "refuse") return fail(400, "INVALID_REQUEST", { field: "prompt", value: say, reason: say });
        if (prompt === "crash") return fail(500, "INTERNAL_ERROR");
        if (prompt === "leak")
          return sendJson(response, 202, { status: "success", data: { task_id: `task-${echoed}`, status: "queued" } });
        return sendJson(response, 202, { status: "success", data: { task_id: "task-1", status: "queued", hint: say } });
      }
      if (path.startsWith("/v1/tasks/")) {
        return sendJson(response, 200, {
          status: "success",
          data: {
            task_id: path.split("/").pop(),
            status: "failed",
            progress: 40,
            created_at: "2025-01-01T00:00:00Z",
            updated_at: "2025-01-01T00:00:10Z",
            error_message: say,
          },
        });
      }
      if (path.startsWith("/v1/results/")) return fail(401, "UNAUTHORIZED");
      return fail(404, "NOT_FOUND");
    });
    const server = await stdio({ SEEDANCE_API_KEY: key, SEEDANCE_BASE_URL: api.url });
    const call = (name: string, args: Record<string, unknown>) => server.client.callTool({ name, arguments: args });
    const video = { model: "seedance-1.0", duration: 5 };
    const results: unknown[] = [
      await call("generate_image", { prompt: "A red barn", model: "seedream-4.5" }),
      await call("generate_video", { ...video, prompt: "A sunrise" }),
      await call("generate_video", { ...video, prompt: "refuse" }),
      await call("generate_video", { ...video, prompt: "crash" }),
      await call("get_task_status", { task_id: "task-1" }),
      await call("get_task_result", { task_id: "task-1" }),
      await call("wait_for_task", { task_id: "task-1" }),
    ];
    const { task } = await server.client.request(
      { method: "tools/call", params: { name: "wait_for_task", arguments: { task_id: "task-2" } } },
      CreateTaskResultSchema,
      { task: { ttl: 60_000 } },
    );
    results.push(task, await server.client.experimental.tasks.getTaskResult(task.taskId, CallToolResultSchema));
    results.push(await server.client.experimental.tasks.getTask(task.taskId));
    // A task id that carries the key cannot name the MCP task.
    const leaked = await server.client.request(
      { method: "tools/call", params: { name: "generate_video", arguments: { ...video, prompt: "leak" } } },
      CreateTaskResultSchema,
      { task: { ttl: 60_000 } },
    );
    expect(leaked.task).toMatchObject({
      status: "failed",
      statusMessage: expect.stringContaining("holds the API key"),
    });
    results.push(leaked, await server.client.experimental.tasks.listTasks());
    // The server did get answers that echo the key, and said something about each.
    expect(api.requests.length).toBeGreaterThanOrEqual(8);
    expect(textOf(results[3] as object)).toMatch(
      /^500 INTERNAL_ERROR: the key is \[redacted\] \(Bearer \[redacted\]\)/,
    );
    expect(textOf(results[0] as object)).toContain("images[0].id: [redacted]");
    expect((results[9] as { statusMessage: string }).statusMessage).toContain("the key is [redacted]");

    const everything = JSON.stringify(results) + server.output.stdout + server.output.stderr;
    expect(everything).not.toContain(key);
    expect(server.output.stderr).toContain("[seedance-mcp]");
    // Neither the characters nor the escapes JSON would write for them.
    for (const control of ["\u001b", "\u0007", "\u202e", "\\u001b", "\\u0007", "\\u202e"]) {
      expect(everything).not.toContain(control);
    }
  });
});
