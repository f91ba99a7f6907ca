// The MCP server: the spec's tools plus wait_for_task, on any transport.
import { createRequire } from "node:module";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { CallToolRequestSchema, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import type { SeedanceClient } from "@seedance/node";
import { errorResult } from "./errors.ts";
import { type InlineImageOptions, inlineImages, successResult } from "./results.ts";
import { type SeedanceTool, specTools } from "./tools.ts";
import { waitForTaskTool } from "./wait.ts";

const { version } = createRequire(import.meta.url)("../package.json") as { version: string };

export interface SeedanceMcpOptions {
  client: SeedanceClient;
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
    const token = _meta?.progressToken;
    let reported = -1;
    const started = Date.now();
    try {
      const data = await tool.run(args, {
        client: options.client,
        signal: extra.signal,
        // MCP wants progress to increase with every notification.
        progress:
          token === undefined
            ? undefined
            : async ({ progress, status }) => {
                if (progress <= reported) return;
                reported = progress;
                await extra.sendNotification({
                  method: "notifications/progress",
                  params: { progressToken: token, progress, total: 100, message: `${status} ${progress}%` },
                });
              },
      });
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
