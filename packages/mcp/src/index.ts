// @seedance/mcp: the Seedance API as Model Context Protocol tools.

export { type HttpServer, type HttpServerOptions, startHttpServer } from "./http.ts";
export type { InlineImageOptions } from "./inline.ts";
export { createSeedanceMcpServer, type SeedanceMcpOptions, seedanceTools } from "./server.ts";
export { SeedanceTaskStore, type SeedanceTaskStoreOptions, type TaskListener } from "./tasks.ts";
export {
  type Arguments,
  type Call,
  OPERATION_TOOLS,
  type OperationTool,
  type SeedanceTool,
  type ToolContext,
} from "./tools.ts";
