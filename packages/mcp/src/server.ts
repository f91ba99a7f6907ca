// The MCP server: the spec's tools plus wait_for_task, on any transport.
import { createRequire } from "node:module";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  CallToolRequestSchema,
  ListToolsRequestSchema,
  type ProgressToken,
  type ServerNotification,
} from "@modelcontextprotocol/sdk/types.js";
import type { SeedanceClient, TaskStatus } from "@seedance/node";
import { errorResult } from "./errors.ts";
import { type InlineImageOptions, inlineImages, successResult } from "./results.ts";
import { type SeedanceTool, specTools } from "./tools.ts";
import { waitForTaskTool } from "./wait.ts";

const { version } = createRequire(import.meta.url)("../package.json") as { version: string };

export interface SeedanceMcpOptions {
  client: SeedanceClient;
  /**
   * The client wait_for_task polls with (default: `client`). Give it one of its own: then it polls
   * from the start, reporting progress while the task runs, instead of sleeping until the estimate
   * that `client` remembers from generate_video — an MCP client shows the progress, and many reset
   * their request timeout on it.
   */
  waiter?: SeedanceClient;
  /** Return generated images that fit as base64 image content too. */
  inlineImages?: InlineImageOptions;
  /** Where one line per tool call goes; never stdout, which belongs to the stdio transport. */
  log?: (line: string) => void;
}

const INSTRUCTIONS =
  "Seedance generates images (generate_image, synchronous) and videos (generate_video, asynchronous: it returns " +
  "a task_id; then call wait_for_task, which returns the video_url when the task completes).";

/** Every tool this server offers: one per spec operation, then wait_for_task. */
export const seedanceTools = (): SeedanceTool[] => [...specTools(), waitForTaskTool];

type SendNotification = (notification: ServerNotification) => Promise<void>;

/** Progress notifications for one request, when the client sent a progressToken. */
function progressReporter(token: ProgressToken | undefined, send: SendNotification) {
  if (token === undefined) return undefined;
  let reported = -1;
  let sent = Promise.resolve();
  return {
    report: async ({ progress, status }: TaskStatus) => {
      // MCP wants progress to increase with every notification.
      if (progress <= reported) return;
      reported = progress;
      const message = `${status} ${progress}%`;
      sent = sent.then(() =>
        send({ method: "notifications/progress", params: { progressToken: token, progress, total: 100, message } }),
      );
      await sent;
    },
    flush: () => sent,
  };
}

export function createSeedanceMcpServer(options: SeedanceMcpOptions): Server {
  const tools = new Map(seedanceTools().map((tool) => [tool.definition.name, tool]));
  const server = new Server(
    { name: "seedance-mcp", title: "Seedance", version },
    { capabilities: { tools: {} }, instructions: INSTRUCTIONS },
  );

  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: [...tools.values()].map((tool) => tool.definition),
  }));

  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const { name, arguments: args = {}, _meta } = request.params;
    const tool = tools.get(name);
    if (!tool) return errorResult(new Error(`Unknown tool ${name}; the tools are ${[...tools.keys()].join(", ")}.`));
    const progress = progressReporter(_meta?.progressToken, extra.sendNotification);
    const started = Date.now();
    try {
      const data = await tool.run(args, {
        client: options.client,
        waiter: options.waiter ?? options.client,
        signal: extra.signal,
        progress: progress?.report,
      });
      // A notification still on its way when the result lands would be dropped by the client.
      await progress?.flush();
      const images = options.inlineImages ? await inlineImages(data, options.inlineImages, extra.signal) : [];
      options.log?.(`${name}: ok in ${Date.now() - started} ms`);
      return successResult(data, images);
    } catch (error) {
      const result = errorResult(error);
      options.log?.(`${name}: ${(result.content[0] as { text: string }).text.split("\n")[0]}`);
      return result;
    }
  });

  return server;
}
