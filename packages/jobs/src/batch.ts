// A whole batch on one machine: a bounded pool runs the items (the rate-limit hold paces them),
// progress is counted for a display, and DIR/results.jsonl is written from the journal at the end,
// also when the run is interrupted.
import { mkdir } from "node:fs/promises";
import type { RateLimit } from "@seedance/node";
import type { BatchItem, ItemState, JobRecord } from "./records.js";
import { writeResults } from "./results.js";
import { type RunItemsOptions, runItem } from "./runner.js";

export interface BatchProgress {
  total: number;
  /** Items per state; `skipped` counts items found done and verified, left alone. */
  states: Record<ItemState | "skipped", number>;
  /** Items finished (done or failed) per second since the start. */
  throughput: number;
  /** Milliseconds the quota holds requests back now (0 when it does not). */
  holdMs: number;
  /** Milliseconds to the end, from the quota when known, else from the throughput; undefined before either. */
  etaMs: number | undefined;
}

export interface RunBatchOptions extends RunItemsOptions {
  items: BatchItem[];
  /** Items in flight at once (default 4). */
  concurrency?: number;
  /** Called on every change of state. */
  onProgress?: (progress: BatchProgress) => void;
  /** The quota as known now (e.g. `reservingRateLimitStore().peek`), for the hold and the ETA. */
  quota?: () => RateLimit | undefined;
  /** Requests each item costs on average (default 1), for the ETA from the quota. */
  requestsPerItem?: number;
  /** results.jsonl is rewritten each time this many more items have finished (default 25), and at the end. */
  resultsEvery?: number;
  /** Called between the two halves of the results file's write (fault-injection tests). */
  onResultsWrite?: () => void;
}

export interface BatchSummary {
  records: JobRecord[];
  done: number;
  failed: JobRecord[];
  interrupted: boolean;
}

const emptyStates = (): BatchProgress["states"] => ({
  keyed: 0,
  running: 0,
  downloading: 0,
  done: 0,
  failed: 0,
  skipped: 0,
});

export async function runBatch(options: RunBatchOptions): Promise<BatchSummary> {
  const { items, journal, signal } = options;
  await mkdir(options.outDir, { recursive: true });
  const started = Date.now();
  const states = emptyStates();
  const stateOf = new Map<string, ItemState | "skipped">();
  const progress = (): BatchProgress => {
    const finished = states.done + states.failed + states.skipped;
    const elapsed = (Date.now() - started) / 1000;
    const throughput = elapsed > 0 ? (states.done + states.failed) / elapsed : 0;
    const quota = options.quota?.();
    const holdMs = quota && quota.remaining === 0 ? Math.max(0, quota.resetAt.getTime() - Date.now()) : 0;
    return { total: items.length, states: { ...states }, throughput, holdMs, etaMs: eta(items.length - finished) };
  };
  const eta = (left: number): number | undefined => {
    const quota = options.quota?.();
    const requests = left * (options.requestsPerItem ?? 1);
    if (quota && requests > quota.remaining && quota.limit > 0) {
      // The quota bounds the run: what is left of this window, then whole windows of `limit`.
      const windowMs = Math.max(0, quota.resetAt.getTime() - Date.now());
      return windowMs + Math.ceil((requests - quota.remaining) / quota.limit - 1) * observedWindowMs(quota);
    }
    const elapsed = (Date.now() - started) / 1000;
    const rate = elapsed > 0 ? (states.done + states.failed) / elapsed : 0;
    return rate > 0 ? (left / rate) * 1000 : undefined;
  };
  const windows: number[] = [];
  const observedWindowMs = (quota: RateLimit) => {
    const reset = quota.resetAt.getTime();
    if (windows.at(-1) !== reset) windows.push(reset);
    const [first, second] = windows.slice(-2);
    return first !== undefined && second !== undefined ? second - first : Math.max(1000, reset - started);
  };
  const onState: RunItemsOptions["onState"] = (record, previous) => {
    const before = stateOf.get(record.id);
    if (before) states[before]--;
    const now = previous === "skipped" ? "skipped" : record.state;
    states[now]++;
    stateOf.set(record.id, now);
    options.onState?.(record, previous);
    options.onProgress?.(progress());
  };
  // A results file to follow while the batch runs; the writes queue behind each other.
  let finishedSinceWrite = 0;
  let writing: Promise<void> = Promise.resolve();
  const writeAll = async () => {
    const known = new Map((await journal.list()).map((record) => [record.id, record]));
    const inOrder = items.flatMap((item) => known.get(item.id) ?? []);
    await writeResults(options.outDir, inOrder, options.onResultsWrite);
    return inOrder;
  };
  const queue = [...items];
  const records: JobRecord[] = [];
  const worker = async () => {
    for (let item = queue.shift(); item && !signal?.aborted; item = queue.shift()) {
      records.push(await runItem(item, { ...options, onState }));
      if (++finishedSinceWrite >= (options.resultsEvery ?? 25)) {
        finishedSinceWrite = 0;
        writing = writing.then(writeAll).then(() => {});
        await writing;
      }
    }
  };
  const pool = Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker);
  const settled = await Promise.allSettled(pool);
  const interrupted = signal?.aborted ?? false;
  const crashed = settled.find((each) => each.status === "rejected" && !interrupted);
  // The journal is the truth: results.jsonl lists every item it knows, in input order.
  await writing.catch(() => {});
  const inOrder = await writeAll();
  if (crashed) throw (crashed as PromiseRejectedResult).reason;
  const finalOf = new Map(records.map((record) => [record.id, record]));
  const failed = items.flatMap((item) => {
    const record = finalOf.get(item.id);
    return record?.state === "failed" ? [record] : [];
  });
  return { records: inOrder, done: inOrder.filter((each) => each.state === "done").length, failed, interrupted };
}
