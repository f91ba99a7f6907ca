// Runs a batch against a journal. Each item's idempotency key is stored before its request is
// sent; after a crash the journal says where each item stood:
//   - a key without a task id: the request is sent again with that key, and the server answers with
//     the first task (or the first images) instead of generating again;
//   - a task id: the task is waited for;
//   - files recorded with their SHA-256 that verify on disk: nothing is done;
//   - a media URL that has expired (403/404/410): the result is fetched again, then downloaded.
// One item's failure is recorded on it and never stops the others.
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import {
  APIError,
  type ImageGenerationParams,
  type SeedanceClient,
  sanitizeServerText,
  toCamelCase,
  type VideoGenerationParams,
} from "@seedance/node";
import { IdempotencyWindowError, OutputExistsError, RequestChangedError } from "./errors.js";
import { exists, outputPath, verified } from "./files.js";
import type { BatchItem, ItemState, JobRecord, Journal, OutputFile } from "./records.js";
import { idempotencyWindowMs } from "./window.js";

/** Moments a fault-injection test may stop the process at (see `onCheckpoint`). */
export type Checkpoint = "key-written" | "task-created" | "downloading";

export interface RunItemsOptions {
  client: SeedanceClient;
  journal: Journal;
  /** Where files go (it must exist). */
  outDir: string;
  signal?: AbortSignal;
  /** Called each time an item changes state. */
  onState?: (record: JobRecord, previous: ItemState | "new" | "skipped") => void;
  /** Called at each checkpoint, after the journal write that precedes it. For fault-injection tests. */
  onCheckpoint?: (point: Checkpoint, record: JobRecord) => void;
  /** Send again with a new key an item whose key is past the server's idempotency window (default: refuse). */
  renewExpiredKeys?: boolean;
  /** The least time between polls of a task (default: the SDK's, 2 s). */
  pollIntervalMs?: number;
  /** The server's idempotency window (default: the spec's). */
  windowMs?: number;
  now?: () => number;
}

const EXPIRED_URL_STATUSES = new Set([403, 404, 410]);

const sameRequest = (record: JobRecord, item: BatchItem) =>
  record.kind === item.kind && JSON.stringify(record.body) === JSON.stringify(item.body);

/** Runs one item to `done` or `failed` and resolves with its record; rejects only when `signal` aborts. */
export async function runItem(item: BatchItem, options: RunItemsOptions): Promise<JobRecord> {
  const { journal, signal } = options;
  const now = options.now ?? Date.now;
  let record = await journal.get(item.id);
  let previous: ItemState | "new" | "skipped" = record?.state ?? "new";
  const save = async (state: ItemState, changes: Partial<JobRecord> = {}) => {
    record = { ...(record as JobRecord), ...changes, state, updatedAt: now() };
    await journal.put(record);
    options.onState?.(record, previous);
    previous = state;
  };
  if (!record) {
    record = {
      ...item,
      state: "keyed",
      idempotencyKey: randomUUID(),
      keyCreatedAt: now(),
      files: [],
      attempts: 0,
      updatedAt: now(),
    };
    await journal.put(record);
    options.onState?.(record, "new");
    previous = "keyed";
    options.onCheckpoint?.("key-written", record);
  } else if (!sameRequest(record, item)) {
    // Recorded as failed only in the journal's view of this run: the stored record stays as it was.
    return { ...record, state: "failed", lastError: new RequestChangedError(item.id).message };
  } else if (record.state === "done" && (await allVerified(options.outDir, record.files))) {
    options.onState?.(record, "skipped");
    return record;
  }
  try {
    await save(record.state === "failed" ? "keyed" : record.state, { attempts: record.attempts + 1 });
    await generate(options, () => record as JobRecord, save);
    return record;
  } catch (error) {
    if (signal?.aborted) throw error;
    const message = error instanceof Error ? error.message : String(error);
    await save("failed", { lastError: sanitizeServerText(message) });
    return record;
  }
}

type Save = (state: ItemState, changes?: Partial<JobRecord>) => Promise<void>;

async function generate(options: RunItemsOptions, current: () => JobRecord, save: Save): Promise<void> {
  const { client, signal } = options;
  const record = current();
  const requestAgain = async (): Promise<string[]> => {
    await checkWindow(options, current(), save);
    const { idempotencyKey } = current();
    if (record.kind === "image") {
      const result = await client.seedream.generate(toCamelCase(record.body) as ImageGenerationParams, {
        idempotencyKey,
        signal,
      });
      return result.images.map((image) => image.url);
    }
    const created = await client.seedance.generate(toCamelCase(record.body) as VideoGenerationParams, {
      idempotencyKey,
      signal,
    });
    options.onCheckpoint?.("task-created", current());
    await save("running", { taskId: created.taskId });
    return [];
  };
  const videoUrl = async (): Promise<string[]> => {
    const taskId = current().taskId as string;
    const finished = await client.task.waitForCompletion(taskId, { signal, pollInterval: options.pollIntervalMs });
    if (finished.status !== "completed") {
      throw new Error(`Task ${taskId} ${finished.status}: ${finished.errorMessage ?? "no reason given"}`);
    }
    return [finished.videoUrl];
  };
  // Where the item stands decides the first step; a fresh result is asked for again only when a URL expired.
  let urls: string[];
  if (current().files.length > 0) urls = current().files.map((file) => file.url);
  else if (record.kind === "image") urls = await requestAgain();
  else {
    if (!current().taskId) await requestAgain();
    urls = await videoUrl();
  }
  const refetch = async () => {
    if (record.kind === "image") return requestAgain();
    const result = await client.task.getResult(current().taskId as string, { signal });
    return result.result?.videoUrl ? [result.result.videoUrl] : videoUrl();
  };
  await downloadAll(options, current, save, urls, refetch);
}

async function checkWindow(options: RunItemsOptions, record: JobRecord, save: Save): Promise<void> {
  const windowMs = options.windowMs ?? idempotencyWindowMs();
  const now = (options.now ?? Date.now)();
  if (now - record.keyCreatedAt <= windowMs) return;
  if (!options.renewExpiredKeys) throw new IdempotencyWindowError(record.id, record.keyCreatedAt, windowMs);
  await save("keyed", { idempotencyKey: randomUUID(), keyCreatedAt: now, taskId: undefined, files: [] });
}

async function downloadAll(
  options: RunItemsOptions,
  current: () => JobRecord,
  save: Save,
  urls: string[],
  refetch: () => Promise<string[]>,
): Promise<void> {
  const { outDir } = options;
  const planned = (list: string[], known: OutputFile[]): OutputFile[] =>
    list.map((url, index) => {
      const path = outputPath(current(), url, index, list.length);
      const before = known.find((file) => file.path === path);
      return { ...before, url, path };
    });
  await save("downloading", { files: planned(urls, current().files) });
  let refetched = false;
  for (let index = 0; index < current().files.length; index++) {
    const file = current().files[index] as OutputFile;
    if (await verified(outDir, file)) continue;
    const path = join(outDir, file.path);
    if (!file.claimed) {
      if (await exists(path)) throw new OutputExistsError(path);
      await saveFile(current, save, index, { claimed: true });
    }
    try {
      await downloadOne(options, current, save, index);
    } catch (error) {
      if (refetched || !(error instanceof APIError) || !EXPIRED_URL_STATUSES.has(error.status ?? 0)) throw error;
      refetched = true;
      const fresh = await refetch();
      await save("downloading", { files: planned(fresh, current().files) });
      index--;
    }
  }
  await save("done", { lastError: undefined });
}

async function downloadOne(options: RunItemsOptions, current: () => JobRecord, save: Save, index: number) {
  const file = current().files[index] as OutputFile;
  let reported = false;
  const result = await options.client.download(file.url, join(options.outDir, file.path), {
    // The file is the batch's own (claimed above): a partial or unrecorded one is replaced.
    overwrite: true,
    signal: options.signal,
    onProgress: () => {
      if (reported) return;
      reported = true;
      options.onCheckpoint?.("downloading", current());
    },
  });
  await saveFile(current, save, index, { size: result.bytes, sha256: result.sha256 });
}

function saveFile(current: () => JobRecord, save: Save, index: number, changes: Partial<OutputFile>) {
  const files = current().files.map((file, at) => (at === index ? { ...file, ...changes } : file));
  return save("downloading", { files });
}

async function allVerified(dir: string, files: OutputFile[]): Promise<boolean> {
  for (const file of files) if (!(await verified(dir, file))) return false;
  return files.length > 0;
}
