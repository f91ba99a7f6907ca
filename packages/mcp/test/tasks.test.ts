// MCP tasks (specification 2025-11-25): generate_video and wait_for_task as tasks tied to the API's
// tasks, driven by the MCP SDK's own client over stdio and Streamable HTTP, against the sandbox.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import {
  type Progress as BaseProgress,
  CallToolResultSchema,
  CreateTaskResultSchema,
  ErrorCode,
  RELATED_TASK_META_KEY,
  type Task,
} from "@modelcontextprotocol/sdk/types.js";
import { type Sandbox, startSandbox } from "@seedance/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  binPath,
  canaryKey,
  cleanEnv,
  connectHttp,
  type HttpMcp,
  quotaUsed,
  type StdioServer,
  sleep,
  spawnGroup,
  startHttp,
  startStdio,
  textOf,
} from "./support.ts";

/** A progress notification's params, its metadata included. */
type Progress = BaseProgress & { _meta?: Record<string, unknown> };

const VIDEO = { prompt: "Waves at dusk", model: "seedance-1.0", duration: 5 };
const token = "mcp-token-for-task-tests-0123456789";
const key = canaryKey();
let sandbox: Sandbox;
let slow: Sandbox;
let server: StdioServer;
const started: { kill(): void }[] = [];
const clients: Client[] = [];

async function stdio(env: Record<string, string>) {
  const instance = await startStdio({ env });
  started.push(instance);
  return instance;
}

async function http(url: string) {
  const client = await connectHttp(url, token);
  clients.push(client);
  return client;
}

/** A task-augmented tools/call: the CreateTaskResult, as the MCP SDK's client returns it. */
async function callAsTask(
  client: Client,
  name: string,
  args: Record<string, unknown>,
  options: { ttl?: number; onprogress?: (progress: Progress) => void } = {},
) {
  return client.request({ method: "tools/call", params: { name, arguments: args } }, CreateTaskResultSchema, {
    task: { ttl: options.ttl ?? 600_000 },
    onprogress: options.onprogress,
  });
}

const resultOf = (client: Client, taskId: string) =>
  client.experimental.tasks.getTaskResult(taskId, CallToolResultSchema, { timeout: 60_000 });

/** The blocking result of the same wait, without its related-task metadata. */
const withoutMeta = ({ _meta, ...result }: Record<string, unknown>) => result;

beforeAll(async () => {
  [sandbox, slow] = await Promise.all([startSandbox({ taskSeconds: 4 }), startSandbox({ taskSeconds: 60 })]);
  server = await stdio({ SEEDANCE_API_KEY: key, SEEDANCE_BASE_URL: sandbox.url });
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.close().catch(() => {})));
  for (const instance of started) instance.kill();
  await Promise.all([sandbox?.stop(), slow?.stop()]);
});

// The cases are independent (their own tasks, keys or servers) and mostly wait on the sandbox: run them together.
describe.concurrent("MCP tasks over stdio", () => {
  it("declares task support: tasks/list, tasks/cancel and task-augmented calls of generate_video and wait_for_task", async () => {
    expect(server.client.getServerCapabilities()?.tasks).toEqual({
      list: {},
      cancel: {},
      requests: { tools: { call: {} } },
    });
    const { tools } = await server.client.listTools();
    const support = Object.fromEntries(tools.map((tool) => [tool.name, tool.execution?.taskSupport]));
    expect(support).toEqual({
      generate_image: undefined,
      generate_video: "optional",
      get_task_status: undefined,
      get_task_result: undefined,
      wait_for_task: "optional",
    });
  });

  it("answers a task-augmented generate_video at once with an MCP task whose id is the API's task id, its progress notifications carrying the related-task metadata", async () => {
    const progress: Progress[] = [];
    const { task, _meta } = await callAsTask(server.client, "generate_video", VIDEO, {
      onprogress: (value) => void progress.push(value),
    });
    expect(task).toMatchObject({ status: "working", ttl: 600_000, pollInterval: 2000 });
    expect(String(_meta?.["io.modelcontextprotocol/model-immediate-response"])).toContain(task.taskId);
    // The same id names the API's task.
    const status = await server.client.callTool({ name: "get_task_status", arguments: { task_id: task.taskId } });
    expect(status.structuredContent).toMatchObject({ task_id: task.taskId });
    expect(["queued", "processing"]).toContain((status.structuredContent as { status: string }).status);

    const result = await resultOf(server.client, task.taskId);
    expect(result.structuredContent).toMatchObject({ task_id: task.taskId, status: "completed" });
    expect(result._meta?.[RELATED_TASK_META_KEY]).toEqual({ taskId: task.taskId });
    expect(progress.length).toBeGreaterThanOrEqual(1);
    for (const each of progress) {
      expect(each._meta?.[RELATED_TASK_META_KEY]).toEqual({ taskId: task.taskId });
      expect(each.progress).toBeLessThan(100);
    }
  });

  it("reports the API's state and progress in tasks/get, and gives in tasks/result what the blocking call gives", async () => {
    const { task } = await callAsTask(server.client, "generate_video", VIDEO);
    const seen: Task[] = [];
    for (let last = task; !["completed", "failed"].includes(last.status); await sleep(300)) {
      last = await server.client.experimental.tasks.getTask(task.taskId);
      seen.push(last);
    }
    const messages = seen.map((each) => each.statusMessage ?? "");
    expect(messages.some((message) => /: processing, \d+%\.$/.test(message))).toBe(true);
    expect(seen.at(-1)).toMatchObject({ taskId: task.taskId, status: "completed" });
    expect(messages.at(-1)).toBe(`Seedance task ${task.taskId} completed.`);

    const result = await resultOf(server.client, task.taskId);
    const blocking = await server.client.callTool({ name: "wait_for_task", arguments: { task_id: task.taskId } });
    expect(withoutMeta(result)).toEqual(blocking);
    expect(textOf(result)).toMatch(/result\.video_url: http\S+\.mp4/);
    expect(textOf(result).split("\n").at(-1)).toBe("Next: the video is ready: give the user result.video_url.");
  });

  it("runs wait_for_task as a task on a video started by a plain call", async () => {
    const video = await server.client.callTool({ name: "generate_video", arguments: VIDEO });
    const taskId = (video.structuredContent as { task_id: string }).task_id;
    // A client that does not ask for a task gets the plain result, with its next step.
    expect(textOf(video).split("\n").at(-1)).toBe(
      `Next: the task is queued: call wait_for_task with task_id "${taskId}" to wait for the video.`,
    );
    const { task } = await callAsTask(server.client, "wait_for_task", { task_id: taskId });
    expect(task.taskId).toBe(taskId);
    const result = await resultOf(server.client, taskId);
    expect(result.structuredContent).toMatchObject({ task_id: taskId, status: "completed" });
  });

  it("makes a call that fails before there is an API task a failed task, whose result is the blocking call's error", async () => {
    const args = { ...VIDEO, prompt: "x".repeat(301) };
    const { task } = await callAsTask(server.client, "generate_video", args);
    expect(task.status).toBe("failed");
    expect(task.statusMessage).toMatch(/^INVALID_PROMPT: invalid argument `prompt`/);
    const blocking = await server.client.callTool({ name: "generate_video", arguments: args });
    expect(blocking.isError).toBe(true);
    expect(withoutMeta(await resultOf(server.client, task.taskId))).toEqual(blocking);
  });

  it("refuses a task-augmented call of a tool without task support (-32601)", async () => {
    const call = callAsTask(server.client, "generate_image", { prompt: "A red barn", model: "seedream-4.5" });
    await expect(call).rejects.toMatchObject({ code: ErrorCode.MethodNotFound });
  });

  it("stops the server's waiting on tasks/cancel, saying that the API has no cancel (polls counted at the sandbox)", async () => {
    const slowKey = canaryKey();
    const instance = await stdio({ SEEDANCE_API_KEY: slowKey, SEEDANCE_BASE_URL: slow.url });
    const { task } = await callAsTask(instance.client, "generate_video", VIDEO);
    // Followed: the server polls the API task while it runs.
    const atStart = await quotaUsed(slow.upstreamUrl, slowKey);
    await sleep(3000);
    expect((await quotaUsed(slow.upstreamUrl, slowKey)) - atStart - 1, "polls before the cancel").toBeGreaterThan(0);

    const cancelled = await instance.client.experimental.tasks.cancelTask(task.taskId);
    expect(cancelled).toMatchObject({ taskId: task.taskId, status: "cancelled" });
    expect(cancelled.statusMessage).toContain("The Seedance API has no way to cancel a task");
    const afterCancel = await quotaUsed(slow.upstreamUrl, slowKey);
    await sleep(6000);
    expect((await quotaUsed(slow.upstreamUrl, slowKey)) - afterCancel - 1, "polls after the cancel").toBe(0);

    expect(await instance.client.experimental.tasks.getTask(task.taskId)).toMatchObject({ status: "cancelled" });
    const result = await resultOf(instance.client, task.taskId);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain(`call wait_for_task or get_task_status with task_id "${task.taskId}"`);
    await expect(instance.client.experimental.tasks.cancelTask(task.taskId)).rejects.toMatchObject({
      code: ErrorCode.InvalidParams,
    });
    // The API task itself goes on.
    const status = await instance.client.callTool({ name: "get_task_status", arguments: { task_id: task.taskId } });
    expect(["queued", "processing"]).toContain((status.structuredContent as { status: string }).status);
  });

  it("honours a task's TTL: past it the task is gone from tasks/get and tasks/list, and no longer polled", async () => {
    const ttlKey = canaryKey();
    const instance = await stdio({ SEEDANCE_API_KEY: ttlKey, SEEDANCE_BASE_URL: slow.url });
    const { task } = await callAsTask(instance.client, "generate_video", VIDEO, { ttl: 1500 });
    expect(task.ttl).toBe(1500);
    expect((await instance.client.experimental.tasks.listTasks()).tasks.map((each) => each.taskId)).toEqual([
      task.taskId,
    ]);
    await sleep(2000);
    await expect(instance.client.experimental.tasks.getTask(task.taskId)).rejects.toThrow(/has expired/);
    await expect(resultOf(instance.client, task.taskId)).rejects.toThrow(/has expired/);
    expect((await instance.client.experimental.tasks.listTasks()).tasks).toEqual([]);
    const atExpiry = await quotaUsed(slow.upstreamUrl, ttlKey);
    await sleep(5000);
    expect((await quotaUsed(slow.upstreamUrl, ttlKey)) - atExpiry - 1, "polls after the ttl").toBe(0);

    // A longer lifetime than the server keeps tasks for is shortened to its maximum, 24 hours.
    const long = await callAsTask(instance.client, "wait_for_task", { task_id: task.taskId }, { ttl: 10 * 86_400_000 });
    expect(long.task.ttl).toBe(86_400_000);
  });

  it("ends the stdio server when its client closes stdin, though it still follows a task", async () => {
    const env = cleanEnv({ SEEDANCE_API_KEY: canaryKey(), SEEDANCE_BASE_URL: slow.url });
    const run = spawnGroup(process.execPath, [binPath], { env, deadline: 30_000 });
    const lines = [
      {
        jsonrpc: "2.0",
        id: 0,
        method: "initialize",
        params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "t", version: "0" } },
      },
      { jsonrpc: "2.0", method: "notifications/initialized" },
      {
        jsonrpc: "2.0",
        id: 1,
        method: "tools/call",
        params: { name: "generate_video", arguments: VIDEO, task: { ttl: 600_000 } },
      },
    ];
    for (const line of lines) run.child.stdin?.write(`${JSON.stringify(line)}\n`);
    for (const started = Date.now(); !run.output.stdout.includes('"id":1'); await sleep(50)) {
      expect(Date.now() - started, run.output.stderr).toBeLessThan(10_000);
    }
    expect(run.output.stdout).toContain('"status":"working"');
    const closed = Date.now();
    run.child.stdin?.end();
    expect(await run.exited).toBe(0);
    expect(Date.now() - closed).toBeLessThan(5000);
  });

  it("lets a client that disconnects start another server and fetch the result by task id", async () => {
    const first = await stdio({ SEEDANCE_API_KEY: key, SEEDANCE_BASE_URL: sandbox.url });
    const { task } = await callAsTask(first.client, "generate_video", VIDEO);
    await first.client.close();
    await first.exited;

    const second = await stdio({ SEEDANCE_API_KEY: key, SEEDANCE_BASE_URL: sandbox.url });
    expect((await second.client.experimental.tasks.listTasks()).tasks).toEqual([]);
    const found = await second.client.experimental.tasks.getTask(task.taskId);
    expect(found.taskId).toBe(task.taskId);
    const result = await resultOf(second.client, task.taskId);
    expect(result.structuredContent).toMatchObject({ task_id: task.taskId, status: "completed" });
    expect((await second.client.experimental.tasks.listTasks()).tasks.map((each) => each.taskId)).toEqual([
      task.taskId,
    ]);
    // A task id this key never had is not found.
    await expect(
      second.client.experimental.tasks.getTask("task-00000000-0000-0000-0000-000000000000"),
    ).rejects.toMatchObject({
      code: ErrorCode.InvalidParams,
    });
  });
});

describe.concurrent("MCP tasks over Streamable HTTP", () => {
  let mcp: HttpMcp;
  beforeAll(async () => {
    mcp = await startHttp({ SEEDANCE_API_KEY: key, SEEDANCE_BASE_URL: sandbox.url, SEEDANCE_MCP_TOKEN: token });
    started.push(mcp);
  });

  it("sends a task's progress with its related-task metadata while the client waits for tasks/result", async () => {
    const client = await http(mcp.url);
    const progress: Progress[] = [];
    const { task } = await callAsTask(client, "generate_video", VIDEO, {
      onprogress: (value) => void progress.push(value),
    });
    const result = await resultOf(client, task.taskId);
    expect(result.structuredContent).toMatchObject({ task_id: task.taskId, status: "completed" });
    expect(progress.length).toBeGreaterThanOrEqual(1);
    for (const each of progress) expect(each._meta?.[RELATED_TASK_META_KEY]).toEqual({ taskId: task.taskId });
  });

  it("scopes tasks/list to the session; a client that reconnects fetches the result by task id", async () => {
    const first = await http(mcp.url);
    const { task } = await callAsTask(first, "generate_video", VIDEO);
    const other = await http(mcp.url);
    expect((await other.experimental.tasks.listTasks()).tasks).toEqual([]);
    await first.close();

    const again = await http(mcp.url);
    expect((await again.experimental.tasks.listTasks()).tasks).toEqual([]);
    const result = await resultOf(again, task.taskId);
    expect(result.structuredContent).toMatchObject({ task_id: task.taskId, status: "completed" });
    expect((await again.experimental.tasks.listTasks()).tasks.map((each) => each.taskId)).toEqual([task.taskId]);
    expect((await other.experimental.tasks.listTasks()).tasks).toEqual([]);
    expect(mcp.output.stderr + mcp.output.stdout).not.toContain(key);
  });
});
