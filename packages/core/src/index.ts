// @seedance/core: the runtime-neutral Seedance client.
export { APIPromise, type WithResponse } from "./api-promise.js";
export {
  type CamelCase,
  type CamelString,
  type SnakeCase,
  type SnakeString,
  toCamelCase,
  toSnakeCase,
} from "./case.js";
export { type ClientOptions, DEFAULT_BASE_URL, SeedanceClient } from "./client.js";
export * from "./errors.js";
/**
 * The spec's operations with their generated checks: `OPERATIONS.generateImage.checkBody(body)` is
 * `undefined` for a valid body, else its first violation as the server's 400 `error.details`
 * (`field`, `value`, `constraint`, `limit`); `checkPath` does the same for path parameters.
 */
export { type Issue as ValidationIssue, OPERATIONS, type OperationSpec } from "./generated/validators.gen.js";
export type {
  AttemptEnd,
  AttemptStart,
  CallObserver,
  CallOutcome,
  CallStart,
  Instrumentation,
} from "./instrumentation.js";
export type { LogLevel, LogSink } from "./logger.js";
export type { GenerateAndWaitOptions, Seedance } from "./resources/seedance.js";
export type { Seedream } from "./resources/seedream.js";
export type { Task } from "./resources/task.js";
export { REDACTED, redactApiKey, sanitizeServerText } from "./sanitize.js";
export { createMemoryRateLimitStore, type RateLimit, type RateLimitStore } from "./transport/rate-limit.js";
export { readAtMost } from "./transport/read-body.js";
export type { RequestOptions } from "./transport/send.js";
export {
  type FetchLike,
  fetchTransport,
  type Transport,
  type TransportRequest,
  type TransportResponse,
} from "./transport/transport.js";
export type * from "./types.js";
export { type OperationId, validateOperationRequest } from "./validation.js";
export type { TaskEventSource, WaitOptions } from "./wait.js";
export * from "./webhooks/index.js";
