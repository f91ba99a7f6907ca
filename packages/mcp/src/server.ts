// The MCP server: the spec's tools plus wait_for_task, on any transport. generate_video and
// wait_for_task may also run as MCP tasks (see tasks.ts); clients that do not ask for a task get a
// plain result, as before.
import { createRequire } from "node:module";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import type { RequestTaskStore } from "@modelcontextprotocol/sdk/shared/protocol.js";
import {
  CallToolRequestSchema,
  type CallToolResult,
  type CreateTaskResult,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
  type ProgressToken,
  RELATED_TASK_META_KEY,
  type ServerNotification,
} from "@modelcontextprotocol/sdk/types.js";
import type { SeedanceClient, TaskStatus } from "@seedance/node";
import { errorResult } from "./errors.ts";
import { type InlineImageOptions, inlineImages } from "./inline.ts";
import { type Clean, cleaner } from "./redact.ts";
import { successResult } from "./results.ts";
import { isTerminalTask, POLL_INTERVAL_MS, SeedanceTaskStore, type TaskContext } from "./tasks.ts";
import { type Arguments, type SeedanceTool, specTools, type ToolContext } from "./tools.ts";
import { waitForTaskTool } from "./wait.ts";

const { version } = createRequire(import.meta.url)("../package.json") as { version: string };

export interface SeedanceMcpOptions {
  client: SeedanceClient;
  /**
   * The client wait_for_task and MCP tasks poll with (default: `client`). Give it one of its own: then
   * it polls from the start, reporting progress while the task runs, instead of sleeping until the
   * estimate that `client` remembers from generate_video — an MCP client shows the progress, and many
   * reset their request timeout on it.
   */
  waiter?: SeedanceClient;
  /**
   * The key `client` sends (default: SEEDANCE_API_KEY), redacted from every tool result, task status
   * and log line however the server echoes it.
   */
  apiKey?: string;
  /** Return generated images that fit as base64 image content too. */
  inlineImages?: InlineImageOptions;
  /** Where one line per tool call or task event goes; never stdout, which belongs to the stdio transport. */
  log?: (line: string) => void;
  /**
   * Where MCP tasks are kept: share one between the servers of several sessions, so that each can
   * find the others' tasks by id (startHttpServer does). Default: one for this server, closed with it.
   */
  taskStore?: SeedanceTaskStore;
}

const INSTRUCTIONS =
  "Seedance generates images (generate_image, synchronous) and videos (generate_video, asynchronous: it returns " +
  "a task_id; then call wait_for_task, which returns the video_url when the task completes).";

/** The server's answer to the client's model, while a task-augmented call goes on in the background. */
const IMMEDIATE_RESPONSE = "io.modelcontextprotocol/model-immediate-response";

/** Every tool this server offers: one per spec operation, then wait_for_task. */
export const seedanceTools = (): SeedanceTool[] => [...specTools(), waitForTaskTool];

type Send = (notification: ServerNotification) => Promise<void>;

/** Progress notifications for one request, when the client sent a progressToken; `meta` goes into each. */
function progressReporter(token: ProgressToken | undefined, send: Send, meta?: Record<string, unknown>) {
  if (token === undefined) return undefined;
  let reported = -1;
  let sent = Promise.resolve();
  return {
    report: async ({ progress, status }: TaskStatus) => {
      // MCP wants progress to increase with every notification.
      if (progress <= reported) return;
      reported = progress;
      const params = { progressToken: token, progress, total: 100, message: `${status} ${progress}%` };
      sent = sent.then(() =>
        send({ method: "notifications/progress", params: meta ? { ...params, _meta: meta } : params }),
      );
      await sent;
    },
    flush: () => sent,
  };
}

export function createSeedanceMcpServer(options: SeedanceMcpOptions): Server {
  const tools = new Map(seedanceTools().map((tool) => [tool.definition.name, tool]));
  const apiKey = options.apiKey ?? process.env.SEEDANCE_API_KEY;
  const clean: Clean = cleaner(apiKey);
  const log = (line: string) => options.log?.(clean(line));
  const waiter = options.waiter ?? options.client;
  const taskStore = options.taskStore ?? new SeedanceTaskStore({ waiter, apiKey, log });
  const server = new Server(
    { name: "seedance-mcp", title: "Seedance", version },
    {
      capabilities: { tools: {}, tasks: { list: {}, cancel: {}, requests: { tools: { call: {} } } } },
      instructions: INSTRUCTIONS,
      taskStore,
      defaultTaskPollInterval: POLL_INTERVAL_MS,
    },
  );
  if (!options.taskStore) server.onclose = () => taskStore.close();

  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: [...tools.values()].map((tool) => tool.definition),
  }));

  /** Runs `tool` to its result, as a blocking call does. */
  async function call(tool: SeedanceTool, args: Arguments, context: ToolContext): Promise<CallToolResult> {
    const name = tool.definition.name;
    const started = Date.now();
    try {
      const data = await tool.run(args, context);
      const result = successResult(data, tool.next(data, args), clean);
      // The cleaned links: a URL that carried the key is not worth fetching.
      const shown = result.structuredContent;
      if (options.inlineImages)
        result.content.push(...(await inlineImages(shown, options.inlineImages, context.signal)));
      log(`${name}: ok in ${Date.now() - started} ms`);
      return result;
    } catch (error) {
      const result = errorResult(error, clean);
      log(`${name}: ${(result.content[0] as { text: string }).text.split("\n")[0]}`);
      return result;
    }
  }

  /** Answers a task-augmented call at once with the MCP task that follows the tool's API task. */
  async function startTask(
    tool: SeedanceTool,
    args: Arguments,
    context: ToolContext,
    extra: { taskStore?: RequestTaskStore; taskRequestedTtl?: number },
    progressToken: ProgressToken | undefined,
  ): Promise<CreateTaskResult> {
    const name = tool.definition.name;
    if (!tool.startTask) {
      throw new McpError(ErrorCode.MethodNotFound, `${name} does not run as a task: call it without \`task\`.`);
    }
    const followed: TaskContext = await tool.startTask(args, context).then(
      (apiTaskId) => ({ apiTaskId }),
      (error: unknown) => ({ failure: errorResult(error, clean) }),
    );
    // The SDK's request-scoped view of taskStore: it binds the task to this session.
    const task = await (extra.taskStore as RequestTaskStore).createTask({
      ttl: extra.taskRequestedTtl,
      pollInterval: POLL_INTERVAL_MS,
      context: followed,
    });
    log(`${name}: task ${task.taskId} ${task.status}`);
    const meta = { [RELATED_TASK_META_KEY]: { taskId: task.taskId } };
    // The progress token stays valid for the task's whole life: progress is sent as it happens, not
    // held for tasks/result, so a client that polls tasks/get sees it too.
    const progress = progressReporter(progressToken, (notification) => server.notification(notification), meta);
    if (progress && !isTerminalTask(task)) {
      const stop = taskStore.subscribe(task.taskId, (changed, status) => {
        if (isTerminalTask(changed)) return stop();
        if (status) progress.report(status).catch(stop);
      });
    }
    const immediate = isTerminalTask(task)
      ? `${name} ended at once: ${task.statusMessage ?? task.status}`
      : `${name} runs as task ${task.taskId}; its result comes with tasks/result when the video is done.`;
    return { task, _meta: { [IMMEDIATE_RESPONSE]: clean(immediate) } };
  }

  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const { name, arguments: args = {}, _meta, task } = request.params;
    const tool = tools.get(name);
    if (!tool) {
      const unknown = new Error(`Unknown tool ${name}; the tools are ${[...tools.keys()].join(", ")}.`);
      if (task) throw new McpError(ErrorCode.MethodNotFound, clean(unknown.message));
      return errorResult(unknown, clean);
    }
    const context: ToolContext = { client: options.client, waiter, signal: extra.signal };
    if (task) return startTask(tool, args, context, extra, _meta?.progressToken);
    const progress = progressReporter(_meta?.progressToken, extra.sendNotification);
    const result = await call(tool, args, { ...context, progress: progress?.report });
    // A notification still on its way when the result lands would be dropped by the client.
    await progress?.flush();
    return result;
  });

  return server;
}
