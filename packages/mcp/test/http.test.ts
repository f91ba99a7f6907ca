// `seedance-mcp --http`: Streamable HTTP behind its own bearer token, on loopback by default.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { type Sandbox, startSandbox } from "@seedance/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  binPath,
  canaryKey,
  cleanEnv,
  connectHttp,
  type HttpMcp,
  spawnGroup,
  startHttp,
  startStdio,
  textOf,
} from "./support.ts";

const token = "mcp-token-for-tests-0123456789";
const key = canaryKey();
let sandbox: Sandbox;
let server: HttpMcp;
const clients: Client[] = [];

async function connect(url: string, bearer = token): Promise<Client> {
  const client = await connectHttp(url, bearer);
  clients.push(client);
  return client;
}

const initialize = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "curl", version: "0" } },
};
const post = (url: string, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers },
    body: JSON.stringify(initialize),
  });

beforeAll(async () => {
  sandbox = await startSandbox({ taskSeconds: 3 });
  server = await startHttp({ SEEDANCE_API_KEY: key, SEEDANCE_BASE_URL: sandbox.url, SEEDANCE_MCP_TOKEN: token }, [
    "--inline-images",
  ]);
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.close().catch(() => {})));
  server?.kill();
  await sandbox?.stop();
});

describe("seedance-mcp --http", () => {
  it("binds 127.0.0.1 by default", () => {
    expect(new URL(server.url).hostname).toBe("127.0.0.1");
  });

  it("refuses a request without the token, with another token, or with the API key as the token", async () => {
    for (const headers of [
      {},
      { Authorization: "Bearer wrong" },
      { Authorization: `Bearer ${key}` },
      { "X-API-Key": key },
    ] as Record<string, string>[]) {
      const response = await post(server.url, headers);
      expect(response.status, JSON.stringify(headers)).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer /);
      const body = await response.text();
      expect(body).toContain("SEEDANCE_MCP_TOKEN");
      expect(body).not.toContain(key);
    }
    await expect(connect(server.url, "wrong")).rejects.toThrow();
  });

  it("lists the tools and runs an image and a video with progress, the image inlined", async () => {
    const client = await connect(server.url);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toContain("wait_for_task");

    const image = await client.callTool({
      name: "generate_image",
      arguments: { prompt: "A red barn", model: "seedream-4.5" },
    });
    const [text, inline] = image.content as { type: string; data?: string; mimeType?: string }[];
    expect(text?.type).toBe("text");
    expect(inline).toMatchObject({ type: "image", mimeType: "image/png" });
    const png = Buffer.from(inline?.data as string, "base64");
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    const url = (image.structuredContent as { images: { url: string }[] }).images[0]?.url as string;
    expect(png.equals(Buffer.from(await (await fetch(url)).arrayBuffer()))).toBe(true);

    const video = await client.callTool({
      name: "generate_video",
      arguments: { prompt: "Waves at dusk", model: "seedance-1.0", duration: 5 },
    });
    const taskId = (video.structuredContent as { task_id: string }).task_id;
    const progress: number[] = [];
    const done = await client.callTool({ name: "wait_for_task", arguments: { task_id: taskId } }, undefined, {
      onprogress: ({ progress: value }) => void progress.push(value),
    });
    expect(done.structuredContent).toMatchObject({ task_id: taskId, status: "completed" });
    expect(textOf(done)).toMatch(/result\.video_url: http\S+\.mp4/);
    expect(progress.length).toBeGreaterThanOrEqual(1);
    expect(progress.every((value) => value < 100)).toBe(true);
  });

  it("never shows the API key in its log", () => {
    expect(server.output.stderr).toContain("[seedance-mcp]");
    expect(server.output.stderr + server.output.stdout).not.toContain(key);
  });

  it("will not start without SEEDANCE_MCP_TOKEN, or with the API key as the token", async () => {
    const cases: Record<string, string>[] = [
      { SEEDANCE_API_KEY: key },
      { SEEDANCE_API_KEY: key, SEEDANCE_MCP_TOKEN: key },
    ];
    for (const env of cases) {
      const run = spawnGroup(process.execPath, [binPath, "--http", "--port", "0"], { env: cleanEnv(env) });
      expect(await run.exited).toBe(2);
      expect(run.output.stderr).toContain("SEEDANCE_MCP_TOKEN");
      expect(run.output.stderr).not.toContain(key);
    }
  });
});

describe("--inline-images", () => {
  it("keeps an image over --inline-image-limit as a link", async () => {
    const small = await startStdio({
      env: { SEEDANCE_API_KEY: key, SEEDANCE_BASE_URL: sandbox.url },
      args: ["--inline-images", "--inline-image-limit", "10"],
    });
    try {
      const image = await small.client.callTool({
        name: "generate_image",
        arguments: { prompt: "A red barn", model: "seedream-4.5" },
      });
      const blocks = image.content as { type: string; text?: string }[];
      expect(blocks.map((block) => block.type)).toEqual(["text", "text"]);
      expect(blocks[1]?.text).toMatch(
        /^Not inlined \(over 10 bytes, not an image, or not read within 10000 ms\): http/,
      );
    } finally {
      small.kill();
    }
  });
});

describe("Origin", () => {
  it("refuses a browser request from a web page that is not allowed, even with the token, and opens no session", async () => {
    for (const origin of ["http://evil.example", "null", "http://localhost.evil.example", "https://127.0.0.1.nip.io"]) {
      const response = await post(server.url, { Authorization: `Bearer ${token}`, Origin: origin });
      expect(response.status, origin).toBe(403);
      expect(response.headers.get("mcp-session-id"), origin).toBeNull();
      expect(await response.text()).toContain("--allow-origin");
    }
    // Refused before the token is even looked at.
    expect((await post(server.url, { Origin: "http://evil.example" })).status).toBe(403);
  });

  it("serves pages on this machine, and clients that send no Origin", async () => {
    for (const headers of [
      { Origin: "http://localhost:6274" },
      { Origin: "http://127.0.0.1:5173" },
      { Origin: "https://[::1]" },
      {},
    ] as Record<string, string>[]) {
      const response = await post(server.url, { Authorization: `Bearer ${token}`, ...headers });
      expect(response.status, JSON.stringify(headers)).toBe(200);
      expect(response.headers.get("mcp-session-id")).toBeTruthy();
      await response.body?.cancel();
    }
  });

  it("serves the origins given with --allow-origin, and no look-alike", async () => {
    const env = { SEEDANCE_API_KEY: key, SEEDANCE_BASE_URL: sandbox.url, SEEDANCE_MCP_TOKEN: token };
    const allowing = await startHttp(env, [
      "--allow-origin",
      "https://app.example.com",
      "--allow-origin",
      "http://tools.internal:8080",
    ]);
    try {
      const status = async (origin: string) => {
        const response = await post(allowing.url, { Authorization: `Bearer ${token}`, Origin: origin });
        await response.body?.cancel();
        return response.status;
      };
      expect(await status("https://app.example.com")).toBe(200);
      expect(await status("http://tools.internal:8080")).toBe(200);
      expect(await status("http://app.example.com")).toBe(403);
      expect(await status("https://app.example.com.evil.example")).toBe(403);
      expect(await status("http://tools.internal:8081")).toBe(403);
      const client = await connectHttp(allowing.url, token, { Origin: "https://app.example.com" });
      clients.push(client);
      expect((await client.listTools()).tools.length).toBe(5);
    } finally {
      allowing.kill();
    }
  });

  it("will not start with an --allow-origin that is not an origin", async () => {
    const env = cleanEnv({ SEEDANCE_API_KEY: key, SEEDANCE_MCP_TOKEN: token });
    const run = spawnGroup(
      process.execPath,
      [binPath, "--http", "--port", "0", "--allow-origin", "https://app.example.com/path"],
      { env },
    );
    expect(await run.exited).toBe(2);
    expect(run.output.stderr).toContain("Not a web origin");
  });
});
