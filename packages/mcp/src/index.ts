// @seedance/mcp: the Seedance API as Model Context Protocol tools.

export { type HttpServer, type HttpServerOptions, startHttpServer } from "./http.ts";
export type { InlineImageOptions } from "./inline.ts";
export { createSeedanceMcpServer, type SeedanceMcpOptions, seedanceTools } from "./server.ts";
export { SeedanceTaskStore, type SeedanceTaskStoreOptions } from "./tasks.ts";
export { OPERATION_TOOLS, type SeedanceTool } from "./tools.ts";
