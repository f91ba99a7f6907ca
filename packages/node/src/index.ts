// @seedance/node: the client for Node.js (and Bun), with downloads to disk, a proxy for browser apps
// and webhook middleware.
export * from "@seedance/edge";
export { type NodeClientOptions, SeedanceClient } from "./client.js";
export type { DownloadDestination, DownloadOptions, DownloadProgress, DownloadResult } from "./download.js";
export { DestinationExistsError, DownloadVerificationError } from "./download-errors.js";
export { createNodeProxyHandler, type NodeProxyHandler } from "./proxy.js";
export { type HttpTransportOptions, httpTransport } from "./transport/http.js";
export type { NodeHandler } from "./web-bridge.js";
// These webhook exports shadow edge's of the same names: the same functions, with node:crypto's HMAC.
export {
  createWebhookHandler,
  createWebhookMiddleware,
  createWebhookVerifier,
  nodeHmac,
  verifyWebhook,
  verifyWebhookRequest,
} from "./webhooks/index.js";
