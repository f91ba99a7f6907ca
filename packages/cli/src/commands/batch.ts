// `seedance batch FILE --out DIR`: every line of FILE generated once, each output on disk, within
// the plan's rate limit, resumable after any interruption (the journal in DIR keeps each item's
// idempotency key, task and files). `--redis URL` enqueues the items for `seedance batch worker`s.
import { mkdir, readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import {
  type BatchItem,
  type BatchProgress,
  formatOf,
  type JobRecord,
  type ParsedBatch,
  parseBatch,
  RESULTS_FILE,
  reservingRateLimitStore,
  resultLine,
  runBatch,
} from "@seedance/jobs";
import type { RateLimit } from "@seedance/node";
import { type BatchDisplay, createBatchDisplay } from "../batch-display.ts";
import { createClient } from "../client.ts";
import type { Context } from "../context.ts";
import { BatchFailedError, BatchInterruptedError, UsageError } from "../errors.ts";

export interface BatchFlags {
  out?: string;
  dryRun?: boolean;
  concurrency?: number;
  redis?: string;
  name?: string;
  renewExpiredKeys?: boolean;
}

export const JOURNAL_FILE = "seedance-journal.sqlite";
/** A batch file is the user's own, but still read with a bound: 64 MiB is millions of lines. */
const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export async function readBatchFile(file: string): Promise<ParsedBatch> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`Cannot read the batch file ${file}: ${error.code ?? error.message}.`);
  });
  if (!info.isFile()) throw new UsageError(`${file} is not a file: give a JSONL or CSV file, one request per line.`);
  if (info.size > MAX_INPUT_BYTES) {
    throw new UsageError(
      `${file} is ${info.size} bytes, over the ${MAX_INPUT_BYTES} bytes a batch file may be: split it.`,
    );
  }
  return parseBatch(await readFile(file, "utf8"), formatOf(file));
}

/** Requests an item costs at least: an image one, a video its creation and one poll. */
const requestsOf = (items: BatchItem[]) => items.reduce((sum, item) => sum + (item.kind === "video" ? 2 : 1), 0);

function preview(context: Context, parsed: ParsedBatch, done: number): void {
  const videos = parsed.items.filter((item) => item.kind === "video").length;
  const left = parsed.items.length - done;
  context.output.note(
    `${parsed.items.length} items (${parsed.items.length - videos} images, ${videos} videos)` +
      `${done ? `, ${done} already done` : ""}: ${left} generations to pay for, at least ${requestsOf(parsed.items)} requests.`,
  );
}

function reportInvalid(context: Context, parsed: ParsedBatch, file: string): void {
  for (const { line, error } of parsed.invalid) {
    context.output.print({ invalid: { file, line, error } }, [`${file}:${line}: ${error}`]);
  }
}

export async function batch(context: Context, file: string, flags: BatchFlags, resume: string): Promise<void> {
  const parsed = await readBatchFile(file);
  if (flags.dryRun) {
    reportInvalid(context, parsed, file);
    preview(context, parsed, 0);
    if (parsed.invalid.length > 0) {
      throw new UsageError(
        `${parsed.invalid.length} of ${parsed.invalid.length + parsed.items.length} lines are invalid (listed above); nothing was sent.`,
      );
    }
    context.output.note("Every line is valid; nothing was sent (--dry-run).");
    return;
  }
  if (parsed.invalid.length > 0) {
    reportInvalid(context, parsed, file);
    context.output.note(`${parsed.invalid.length} invalid lines skipped; the valid ones run.`);
  }
  if (flags.redis) return enqueue(context, parsed, flags, resume);
  if (!flags.out)
    throw new UsageError("seedance batch needs --out DIR (where files, results.jsonl and the journal go).");
  const out = resolve(flags.out);
  const journal = await openJournal(out);
  const rateLimitStore = reservingRateLimitStore();
  const client = createClient(context.connection, rateLimitStore);
  const done = (await journal.list()).filter((record) => record.state === "done").length;
  preview(context, parsed, done);
  const display = createBatchDisplay(process.stderr, context.output.json);
  const records = new Map((await journal.list()).map((record) => [record.id, record]));
  const requests = requestsOf(parsed.items.filter((item) => records.get(item.id)?.state !== "done"));
  let quotaNoted = false;
  try {
    const summary = await runBatch({
      client,
      journal,
      items: parsed.items,
      outDir: out,
      concurrency: flags.concurrency,
      renewExpiredKeys: flags.renewExpiredKeys,
      signal: context.signal,
      quota: rateLimitStore.peek,
      requestsPerItem: requestsOf(parsed.items) / Math.max(1, parsed.items.length),
      onProgress: (progress) => {
        if (!quotaNoted) quotaNoted = noteQuota(context, display, rateLimitStore.peek(), requests);
        display.progress(progress);
      },
      onState: (record) => {
        if (record.state === "done" || record.state === "failed") printItem(context, display, record);
      },
    }).catch((error: unknown) => {
      throw unwritable(error, out, resume) ?? error;
    });
    display.stop();
    if (summary.interrupted) throw new BatchInterruptedError(resume);
    context.output.note(`${summary.done} done, ${summary.failed.length} failed; results in ${join(out, RESULTS_FILE)}`);
    if (summary.failed.length > 0) throw new BatchFailedError(summary.failed.length);
  } finally {
    display.stop();
    await journal.close();
  }
}

/** Errors of a folder that takes no more writes: full, read-only, or refused. */
const UNWRITABLE = new Set(["ENOSPC", "EDQUOT", "EROFS", "EACCES", "EPERM"]);

/** The run stopped because `out` could not be written: say so, and that the journal keeps every item. */
function unwritable(error: unknown, out: string, resume: string): Error | undefined {
  const { code, message } = error as NodeJS.ErrnoException;
  const full = /database or disk is full/i.test(message ?? "");
  if (!full && !(code && UNWRITABLE.has(code))) return undefined;
  return new Error(
    `${out} could not be written (${full ? "disk full" : code}); every item's place is kept in the journal ` +
      `and nothing is lost. Free space (or make it writable) and run again: ${resume}`,
  );
}

/** The rest of the cost preview, once the first answer has told the quota: how long it makes the run at best. */
function noteQuota(context: Context, display: BatchDisplay, quota: RateLimit | undefined, requests: number): boolean {
  if (!quota) return false;
  const windows = requests <= quota.remaining ? 0 : Math.ceil((requests - quota.remaining) / Math.max(1, quota.limit));
  const reset = quota.resetAt.toISOString();
  display.above(() =>
    context.output.note(
      `Quota: ${quota.limit} requests per window, ${quota.remaining} left until ${reset}: ` +
        (windows === 0
          ? `the ${requests} requests fit in it.`
          : `the ${requests} requests need this window and at least ${windows} more.`),
    ),
  );
  return true;
}

function printItem(context: Context, display: BatchDisplay, record: JobRecord): void {
  const line = resultLine(record);
  const text =
    record.state === "done"
      ? `done    ${record.id}  ${record.files.map((file) => file.path).join("  ")}`
      : `failed  ${record.id}  ${record.lastError ?? ""}`;
  display.above(() => context.output.print(line, [text]));
}

async function openJournal(out: string) {
  const { openSqliteJournal } = await import("@seedance/jobs");
  try {
    await mkdir(out, { recursive: true });
    return openSqliteJournal(join(out, JOURNAL_FILE));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(`Cannot keep the batch's journal in ${out} (${reason}): choose a folder you can write to.`);
  }
}

async function enqueue(context: Context, parsed: ParsedBatch, flags: BatchFlags, resume: string): Promise<void> {
  const { enqueueBatch, writeResults } = await import("@seedance/jobs");
  const redisUrl = flags.redis as string;
  preview(context, parsed, 0);
  const enqueued = await enqueueBatch(parsed.items, { redisUrl, name: flags.name });
  context.output.note(
    `Enqueued on ${redisUrl}; run \`seedance batch worker --redis ${redisUrl} --out DIR\` on any machine.`,
  );
  try {
    // Ctrl-C stops the waiting, not the fleet: the items stay queued, and the same command waits again.
    const records = await enqueued.finished({ signal: context.signal }).catch((error: unknown) => {
      throw context.signal.aborted ? new BatchInterruptedError(resume) : error;
    });
    for (const record of records)
      printItem(context, { above: (write) => write(), progress: () => {}, stop: () => {} }, record);
    if (flags.out) {
      await mkdir(resolve(flags.out), { recursive: true });
      await writeResults(resolve(flags.out), records);
    }
    const failed = records.filter((record) => record.state === "failed").length;
    context.output.note(`${records.length - failed} done, ${failed} failed.`);
    if (failed > 0) throw new BatchFailedError(failed);
  } finally {
    await enqueued.close();
  }
}

export interface WorkerFlags {
  redis: string;
  out?: string;
  concurrency?: number;
  name?: string;
  renewExpiredKeys?: boolean;
}

/** `seedance batch worker`: takes items from the fleet's queue until Ctrl-C. */
export async function batchWorker(context: Context, flags: WorkerFlags): Promise<void> {
  if (!flags.out) throw new UsageError("seedance batch worker needs --out DIR (shared storage the files go to).");
  const { createBatchWorker } = await import("@seedance/jobs");
  const out = resolve(flags.out);
  await mkdir(out, { recursive: true });
  const worker = await createBatchWorker({
    redisUrl: flags.redis,
    name: flags.name,
    outDir: out,
    concurrency: flags.concurrency,
    renewExpiredKeys: flags.renewExpiredKeys,
    client: ({ rateLimitStore }) => createClient(context.connection, rateLimitStore),
    onState: (record) => {
      if (record.state === "done" || record.state === "failed") printItem(context, plain, record);
    },
  });
  context.output.note(`Worker ready on ${flags.redis}, writing to ${out}; Ctrl-C stops it.`);
  await new Promise<void>((resolve) => {
    if (context.signal.aborted) resolve();
    context.signal.addEventListener("abort", () => resolve(), { once: true });
    process.once("SIGTERM", () => resolve());
  });
  await worker.close();
}

const plain: BatchDisplay = { above: (write) => write(), progress: () => {}, stop: () => {} };

export type { BatchProgress };
