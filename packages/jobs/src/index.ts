// @seedance/jobs: generations that survive anything. A durable journal of every item's idempotency
// key, task and files; a batch runner that resumes from it without paying twice; a BullMQ fleet.
export { type BatchProgress, type BatchSummary, type RunBatchOptions, runBatch } from "./batch.js";
export { IdempotencyWindowError, OutputExistsError, RequestChangedError } from "./errors.js";
export {
  type BatchWorker,
  type BatchWorkerOptions,
  createBatchWorker,
  type EnqueuedBatch,
  enqueueBatch,
  type FleetOptions,
} from "./fleet.js";
export { formatOf, type InvalidLine, type ParsedBatch, parseBatch } from "./input.js";
export { MissingPeerError } from "./optional.js";
export { type ReservingRateLimitStore, reservingRateLimitStore } from "./quota.js";
export type { BatchItem, ItemKind, ItemState, JobRecord, Journal, OutputFile } from "./records.js";
export { createRedisJournal, type RedisJournalOptions } from "./redis-journal.js";
export { RESULTS_FILE, type ResultLine, resultLine, writeResults } from "./results.js";
export { type Checkpoint, type RunItemsOptions, runItem } from "./runner.js";
export { openSqliteJournal } from "./sqlite-journal.js";
export { idempotencyWindowMs } from "./window.js";
