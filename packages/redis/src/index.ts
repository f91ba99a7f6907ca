// @seedance/redis: the SDK's per-process state shared between instances on Redis.
export {
  createRedisClient,
  type RedisClient,
  type RedisLogger,
  type RedisStateOptions,
  RedisUnavailableError,
} from "./connection.js";
export { createRedisRateLimitStore, type RedisRateLimitStore } from "./rate-limit-store.js";
export { createRedisTaskEvents, type RedisTaskEvents, type RedisTaskEventsOptions } from "./task-events.js";
export { createRedisWebhookIdStore } from "./webhook-id-store.js";
