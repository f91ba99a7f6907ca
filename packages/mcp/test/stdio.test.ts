// The built `seedance-mcp` over stdio, driven by the MCP SDK's Client, against the sandbox.
import { createRequire } from "node:module";
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { SeedanceClient } from "@seedance/node";
import { type Sandbox, startSandbox } from "@seedance/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPERATION_TOOLS } from "../src/tools.ts";
import { canaryKey, quotaUsed, type StdioServer, sleep, startStdio, textOf } from "./support.ts";

const spec = createRequire(import.meta.url)("@seedance/openapi/openapi.json");
type Node = Record<string, unknown>;

const specNode = (ref: string): Node =>
  ref
    .split("/")
    .slice(1)
    .reduce<Node>((node, key) => node[key] as Node, spec);

/** Keywords for generators and documentation, which the tools leave out. */
const forGenerators = (keyword: string) => keyword.startsWith("x-") || keyword === "example" || keyword === "examples";

/**
 * `listed` is `raw` (a piece of the spec) with each `$ref` replaced by its target, and without the
 * generator-only keywords (`names`: `raw` is a `properties` object, whose keys are names, not keywords).
 */
function expectSpecSchema(listed: unknown, raw: unknown, at: string, names = false): void {
  if (raw && typeof raw === "object" && "$ref" in raw) {
    const { $ref, ...siblings } = raw as Node;
    expectSpecSchema(listed, { ...specNode($ref as string), ...siblings }, at);
    return;
  }
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    expect(listed, at).toEqual(raw);
    return;
  }
  const kept = Object.entries(raw as Node).filter(([key]) => names || !forGenerators(key));
  expect(Object.keys(listed as Node).sort(), at).toEqual(kept.map(([key]) => key).sort());
  for (const [key, value] of kept)
    expectSpecSchema((listed as Node)[key], value, `${at}.${key}`, !names && key === "properties");
}

/** Every keyword in a tool list, property names aside. */
function keywordsOf(schema: unknown, names = false, found: string[] = []): string[] {
  if (Array.isArray(schema)) for (const item of schema) keywordsOf(item, false, found);
  else if (schema && typeof schema === "object") {
    for (const [key, value] of Object.entries(schema)) {
      if (!names) found.push(key);
      keywordsOf(value, !names && key === "properties", found);
    }
  }
  return found;
}

let sandbox: Sandbox;
let slow: Sandbox;
let server: StdioServer;
const key = canaryKey();
const started: StdioServer[] = [];
async function start(env: Record<string, string>, args: string[] = []) {
  const instance = await startStdio({ env, args });
  started.push(instance);
  return instance;
}

beforeAll(async () => {
  [sandbox, slow] = await Promise.all([
    startSandbox({ taskSeconds: 4, tiers: { free: 2 } }),
    startSandbox({ taskSeconds: 60 }),
  ]);
  server = await start({ SEEDANCE_API_KEY: key, SEEDANCE_BASE_URL: sandbox.url });
});
afterAll(async () => {
  for (const instance of started) instance.kill();
  await Promise.all([sandbox?.stop(), slow?.stop()]);
});

describe("tools/list", () => {
  it("lists a tool per spec operation, with the spec's schemas, plus wait_for_task", async () => {
    const { tools } = await server.client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual([
      "generate_image",
      "generate_video",
      "get_task_status",
      "get_task_result",
      "wait_for_task",
    ]);
    const byName = new Map<string, Tool>(tools.map((tool) => [tool.name, tool]));
    const operations: Record<string, Node> = {
      generate_image: spec.paths["/v1/seedream/generate"].post,
      generate_video: spec.paths["/v1/seedance/generate"].post,
      get_task_status: spec.paths["/v1/tasks/{task_id}"].get,
      get_task_result: spec.paths["/v1/results/{task_id}"].get,
    };
    for (const [name, operation] of Object.entries(operations)) {
      const tool = byName.get(name) as Tool;
      expect(JSON.stringify(tool)).not.toContain("$ref");
      const operationId = operation.operationId as string;
      expect(tool.description).toBe(`${operation.summary}. ${OPERATION_TOOLS[operationId]?.note}`);
      const body = (operation.requestBody as Node | undefined)?.content as Node | undefined;
      if (body) expectSpecSchema(tool.inputSchema, (body["application/json"] as Node).schema, `${name}.input`);
      else {
        const [parameter] = (operation.parameters as Node[]).map((ref) => specNode(ref.$ref as string));
        const { schema, description } = parameter as Node;
        expectSpecSchema(tool.inputSchema.properties?.task_id, { ...(schema as Node), description }, name);
      }
      const [success] = Object.entries(operation.responses as Node).filter(([status]) => status.startsWith("2"));
      const envelope = ((success as [string, Node])[1].content as Node)["application/json"] as Node;
      const envelopeName = (envelope.schema as Node).$ref as string;
      const data = spec.components.schemas[envelopeName.split("/").pop() as string].properties.data;
      expectSpecSchema(tool.outputSchema, data, `${name}.output`);
      const get = name.startsWith("get_");
      expect(tool.annotations).toMatchObject(
        get ? { readOnlyHint: true } : { readOnlyHint: false, idempotentHint: false, destructiveHint: false },
      );
    }
    expectSpecSchema(byName.get("wait_for_task")?.outputSchema, { $ref: "#/components/schemas/TaskStatus" }, "wait");
  });

  it("describes each tool for a model (when to use it, what to call next), with no generator-only keywords", async () => {
    const { tools } = await server.client.listTools();
    const keywords = keywordsOf(tools.map(({ inputSchema, outputSchema }) => ({ inputSchema, outputSchema })));
    expect(keywords.filter(forGenerators)).toEqual([]);
    const byName = new Map<string, Tool>(tools.map((tool) => [tool.name, tool]));
    // No HTTP advice an agent cannot act on; the way to a finished video is wait_for_task.
    for (const tool of tools) expect(tool.description).not.toMatch(/GET \/v1|Idempotency-Key/);
    for (const name of ["generate_video", "get_task_status", "get_task_result"]) {
      expect(byName.get(name)?.description).toContain("call wait_for_task");
    }
    expect(byName.get("wait_for_task")?.description).toContain("call wait_for_task again");
    // 14,271 bytes before the descriptions were rewritten and the generator-only keywords removed.
    expect(Buffer.byteLength(JSON.stringify({ tools }))).toBeLessThan(12_000);
  });
});

describe("tools/call", () => {
  it("generate_image returns the image URLs and ids as text and as structuredContent", async () => {
    const result = await server.client.callTool({
      name: "generate_image",
      arguments: { prompt: "A red barn", model: "seedream-4.5", num_images: 2 },
    });
    expect(result.isError).toBeFalsy();
    const data = result.structuredContent as { task_id: string; images: { id: string; url: string }[] };
    expect(data.images).toHaveLength(2);
    const text = textOf(result);
    expect(text).toContain(`task_id: ${data.task_id}`);
    for (const image of data.images) {
      expect(image.url.startsWith(`${sandbox.upstreamUrl}/media/`)).toBe(true);
      expect(text).toContain(image.url);
      expect(text).toContain(image.id);
    }
    expect(result.content).toHaveLength(1);
  });

  it("generate_video, get_task_status, wait_for_task (with progress) and get_task_result", async () => {
    const video = await server.client.callTool({
      name: "generate_video",
      arguments: { prompt: "Waves at dusk", model: "seedance-1.5-pro", duration: 5 },
    });
    const taskId = (video.structuredContent as { task_id: string }).task_id;
    expect(textOf(video)).toContain(`task_id: ${taskId}`);

    const early = await server.client.callTool({ name: "get_task_result", arguments: { task_id: taskId } });
    expect(early.isError).toBe(true);
    expect(textOf(early)).toMatch(/^409 TASK_NOT_COMPLETED/);
    expect(textOf(early)).toContain("wait_for_task");

    const status = await server.client.callTool({ name: "get_task_status", arguments: { task_id: taskId } });
    expect(status.structuredContent).toMatchObject({ task_id: taskId, status: expect.any(String) });

    const progress: number[] = [];
    const done = await server.client.callTool(
      { name: "wait_for_task", arguments: { task_id: taskId, max_wait_seconds: 60 } },
      undefined,
      { onprogress: ({ progress: value }) => void progress.push(value) },
    );
    const final = done.structuredContent as { status: string; result: { video_url: string } };
    expect(final).toMatchObject({ task_id: taskId, status: "completed", progress: 100 });
    expect(final.result.video_url).toMatch(/\.mp4$/);
    expect(textOf(done)).toContain(`result.video_url: ${final.result.video_url}`);
    // Polled from the start, not only once the task is expected done: progress while it runs.
    expect(progress.length).toBeGreaterThanOrEqual(1);
    expect(progress.every((value) => value < 100)).toBe(true);

    const result = await server.client.callTool({ name: "get_task_result", arguments: { task_id: taskId } });
    expect(result.structuredContent).toMatchObject({ task_id: taskId, status: "completed" });
    expect((result.structuredContent as { result: { video_url: string } }).result.video_url).toBe(
      final.result.video_url,
    );
  });

  it("sends progress notifications while wait_for_task polls a running task", async () => {
    const sdk = new SeedanceClient({ apiKey: key, baseUrl: sandbox.url });
    const { taskId } = await sdk.seedance.generate({ prompt: "A slow sunrise", model: "seedance-1.0", duration: 5 });
    const progress: number[] = [];
    const done = await server.client.callTool({ name: "wait_for_task", arguments: { task_id: taskId } }, undefined, {
      onprogress: ({ progress: value, total }) => void progress.push(value, total ?? Number.NaN),
    });
    expect(done.structuredContent).toMatchObject({ status: "completed" });
    const values = progress.filter((_, index) => index % 2 === 0);
    expect(values.length).toBeGreaterThanOrEqual(2);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(new Set(values).size).toBe(values.length);
    expect(progress.filter((_, index) => index % 2 === 1).every((total) => total === 100)).toBe(true);
  });

  it("stops polling when the client cancels wait_for_task (counted at the sandbox)", async () => {
    const slowKey = canaryKey();
    const waiter = await start({ SEEDANCE_API_KEY: slowKey, SEEDANCE_BASE_URL: slow.url });
    const sdk = new SeedanceClient({ apiKey: slowKey, baseUrl: slow.url });
    const { taskId } = await sdk.seedance.generate({ prompt: "A long journey", model: "seedance-1.0", duration: 5 });
    const controller = new AbortController();
    let notified: () => void = () => {};
    const firstProgress = new Promise<void>((resolve) => (notified = resolve));
    const waiting = waiter.client.callTool({ name: "wait_for_task", arguments: { task_id: taskId } }, undefined, {
      signal: controller.signal,
      onprogress: () => notified(),
    });
    waiting.catch(() => {});
    await firstProgress;
    const atFirst = await quotaUsed(slow.upstreamUrl, slowKey);
    await sleep(3000);
    const beforeCancel = await quotaUsed(slow.upstreamUrl, slowKey);
    expect(beforeCancel - atFirst - 1, "polls between the first notification and the cancellation").toBeGreaterThan(0);
    controller.abort("the user gave up");
    await expect(waiting).rejects.toThrow();
    await sleep(500);
    const afterCancel = await quotaUsed(slow.upstreamUrl, slowKey);
    await sleep(10_000);
    const later = await quotaUsed(slow.upstreamUrl, slowKey);
    expect(later - afterCancel - 1, "polls after the cancellation").toBe(0);
    // The server is still serving after the cancellation.
    const status = await waiter.client.callTool({ name: "get_task_status", arguments: { task_id: taskId } });
    expect(status.structuredContent).toMatchObject({ task_id: taskId });
  });
});

describe("errors", () => {
  it("rejects a 301-character prompt naming the field, and sends nothing to the sandbox", async () => {
    const directKey = canaryKey();
    // Straight at the simulator (not through Prism, which would stop a bad request itself), so a
    // request that was sent would be counted.
    const direct = await start({ SEEDANCE_API_KEY: directKey, SEEDANCE_BASE_URL: sandbox.upstreamUrl });
    const before = await quotaUsed(sandbox.upstreamUrl, directKey);
    const result = await direct.client.callTool({
      name: "generate_image",
      arguments: { prompt: "x".repeat(301), model: "seedream-4.5" },
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^INVALID_PROMPT: invalid argument `prompt` \(max_length 300\)\.\n/);
    expect(textOf(result)).toContain("No request was sent");
    expect(result.structuredContent).toBeUndefined();
    expect((await quotaUsed(sandbox.upstreamUrl, directKey)) - before - 1).toBe(0);
    // The counter does count what is sent.
    await direct.client.callTool({
      name: "generate_image",
      arguments: { prompt: "A red barn", model: "seedream-4.5" },
    });
    expect((await quotaUsed(sandbox.upstreamUrl, directKey)) - before - 2).toBe(1);
  });

  it("names an unknown argument and a bad max_wait_seconds", async () => {
    const unknown = await server.client.callTool({
      name: "generate_image",
      arguments: { prompt: "A red barn", model: "seedream-4.5", colour: "red" },
    });
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toMatch(/^INVALID_REQUEST: invalid argument `colour` \(additional_properties\)\.\n/);
    const wait = await server.client.callTool({
      name: "wait_for_task",
      arguments: { task_id: "task-1", max_wait_seconds: 0 },
    });
    expect(wait.isError).toBe(true);
    expect(textOf(wait)).toMatch(/^INVALID_REQUEST: invalid argument `max_wait_seconds` \(minimum 1\)\.\n/);
  });

  it("turns a 429 into an isError result that says how long to wait", async () => {
    const freeKey = canaryKey("free-");
    const limited = await start({ SEEDANCE_API_KEY: freeKey, SEEDANCE_BASE_URL: sandbox.url });
    const call = () =>
      limited.client.callTool({ name: "generate_image", arguments: { prompt: "A red barn", model: "seedream-4.5" } });
    expect((await call()).isError).toBeFalsy();
    expect((await call()).isError).toBeFalsy();
    const refused = await call();
    expect(refused.isError).toBe(true);
    const text = textOf(refused);
    expect(text).toMatch(/^429 RATE_LIMITED: /);
    const seconds = Number(/Wait (\d+) seconds before calling again/.exec(text)?.[1]);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(3600);
  });

  it("says the server's key was refused, without showing it", async () => {
    const liveKey = "sk-live-canary-never-show-me-0123456789";
    const refused = await start({ SEEDANCE_API_KEY: liveKey, SEEDANCE_BASE_URL: sandbox.url });
    const result = await refused.client.callTool({ name: "get_task_status", arguments: { task_id: "task-1" } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^401 /);
    expect(textOf(result)).toContain("SEEDANCE_API_KEY was refused");
    expect(JSON.stringify(result) + refused.output.stdout + refused.output.stderr).not.toContain(liveKey);
  });

  it("exits 2 without SEEDANCE_API_KEY, saying what to set", async () => {
    await expect(start({})).rejects.toThrow(/SEEDANCE_API_KEY is not set/);
  });
});

describe("every message", () => {
  it("is JSON-RPC on stdout, and no key appears on stdout or stderr of any server", () => {
    expect(started.length).toBeGreaterThanOrEqual(5);
    for (const instance of started) {
      expect(instance.protocolErrors).toEqual([]);
      expect(instance.output.stderr).toContain("[seedance-mcp]");
      const everything = instance.output.stdout + instance.output.stderr;
      expect(everything).not.toMatch(/sk-(test|live)-[\w-]*canary/);
    }
    expect(server.output.stdout).toContain('"structuredContent"');
  });
});
