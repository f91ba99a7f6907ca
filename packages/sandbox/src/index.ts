export type { Exchange, Violation } from "./front.ts";
export { DEFAULT_TIERS, type Tier } from "./rate-limit.ts";
export { SANDBOX_API_KEY, type Sandbox, type SandboxOptions, startSandbox } from "./sandbox.ts";
export { type SandboxServer, type SandboxServerOptions, startSandboxServer } from "./server.ts";
export type { Generation, SandboxStats } from "./stats.ts";
export { TRIGGERS } from "./triggers.ts";
export { DEFAULT_RETRY_DELAYS_MS } from "./webhooks.ts";
