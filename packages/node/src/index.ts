// @seedance/node: the client for Node.js (and Bun), with downloads to disk and a proxy for browser apps.
export * from "@seedance/edge";
export { type NodeClientOptions, SeedanceClient } from "./client.js";
export type { DownloadDestination, DownloadOptions, DownloadProgress } from "./download.js";
export { createNodeProxyHandler, type NodeProxyHandler } from "./proxy.js";
