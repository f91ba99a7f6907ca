// @seedance/edge: the client for edge runtimes, the key-adding proxy for browser apps, and the
// webhook receiver.
export * from "@seedance/core";
export { SeedanceClient } from "./client.js";
export type { EdgeClientOptions, EnvBindings } from "./environment.js";
export type { MemoryStoreOptions } from "./expiring-map.js";
export { API_OPERATIONS, type ApiOperation, type HttpMethod } from "./operations.js";
export type {
  Authorization,
  ProxyIdentity,
  ProxyPolicy,
  QuotaPolicy,
  Resolution,
  WebhookUrlContext,
} from "./policy.js";
export { createProxyHandler, type ProxyOptions } from "./proxy.js";
export { createMemoryQuotaStore, type MemoryQuotaStoreOptions, type QuotaCount, type QuotaStore } from "./quota.js";
export * from "./webhooks/index.js";
