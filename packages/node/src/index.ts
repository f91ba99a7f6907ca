// @seedance/node: the client for Node.js (and Bun), with downloads to disk, a proxy for browser apps
// and webhook middleware.
export * from "@seedance/edge";
export { type NodeClientOptions, SeedanceClient } from "./client.js";
export type { DownloadDestination, DownloadOptions, DownloadProgress } from "./download.js";
export { createNodeProxyHandler, type NodeProxyHandler } from "./proxy.js";
export type { NodeHandler } from "./web-bridge.js";
export { createWebhookMiddleware } from "./webhooks/index.js";
