// A fleet on BullMQ: `enqueueBatch` puts each item in a queue (its id is the job id, so enqueuing
// the same batch again adds nothing), and any number of `createBatchWorker`s, on any machines, take
// items and run them with the journal and the rate-limit quota on the same Redis. A worker killed
// mid-item stops renewing its lock; BullMQ's stalled-job check hands the item to another worker,
// which finds the item's key (and task id) in the shared journal and resumes with the same key.

import type { SeedanceClient } from "@seedance/node";
import type { Job, Queue, Worker } from "bullmq";
import type { Redis } from "ioredis";
import { loadBullmq, loadIoredis, loadSeedanceRedis } from "./optional.js";
import { reservingRateLimitStore } from "./quota.js";
import type { BatchItem, JobRecord } from "./records.js";
import { createRedisJournal } from "./redis-journal.js";
import { type RunItemsOptions, runItem } from "./runner.js";

export interface FleetOptions {
  /** `redis://host:port` of the Redis the fleet shares. */
  redisUrl: string;
  /** The batch's name: its queue, journal and quota keys (default `"seedance-batch"`). */
  name?: string;
}

const nameOf = (options: FleetOptions) => options.name ?? "seedance-batch";
const connection = (options: FleetOptions) => ({ url: options.redisUrl, maxRetriesPerRequest: null });

export interface EnqueuedBatch {
  queue: Queue<BatchItem, JobRecord>;
  /** Resolves when every item has finished (done or failed), with the journal's records. */
  finished(options?: { pollMs?: number; signal?: AbortSignal }): Promise<JobRecord[]>;
  close(): Promise<void>;
}

/** Adds the items to the fleet's queue (an item already there is not added again). */
export async function enqueueBatch(items: BatchItem[], options: FleetOptions): Promise<EnqueuedBatch> {
  const { Queue } = await loadBullmq();
  const queue = new Queue<BatchItem, JobRecord>(nameOf(options), { connection: connection(options) });
  await queue.addBulk(
    items.map((item) => ({
      name: item.kind,
      data: item,
      opts: { jobId: item.id, attempts: 3, backoff: { type: "exponential", delay: 1000 } },
    })),
  );
  const journal = await openFleetJournal(options);
  const finished = async ({ pollMs = 500, signal }: { pollMs?: number; signal?: AbortSignal } = {}) => {
    for (;;) {
      signal?.throwIfAborted();
      const counts = await queue.getJobCounts("completed", "failed");
      if ((counts.completed ?? 0) + (counts.failed ?? 0) >= items.length) break;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
    const records = new Map((await journal.journal.list()).map((record) => [record.id, record]));
    return items.flatMap((item) => records.get(item.id) ?? []);
  };
  return {
    queue,
    finished,
    close: async () => {
      await queue.close();
      await journal.close();
    },
  };
}

async function openFleetJournal(options: FleetOptions) {
  const { Redis } = await loadIoredis();
  const client: Redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 3 });
  const journal = createRedisJournal(client, { prefix: `${nameOf(options)}:journal:` });
  return { client, journal, close: async () => void client.disconnect() };
}

export interface BatchWorkerOptions extends FleetOptions, Omit<RunItemsOptions, "journal" | "client" | "signal"> {
  /** A client for each worker; its `rateLimitStore` is replaced by the fleet's shared one. */
  client: (options: { rateLimitStore: ReturnType<typeof reservingRateLimitStore> }) => SeedanceClient;
  /** Items this worker runs at once (default 4). */
  concurrency?: number;
  /**
   * How long a worker's hold on an item lasts without renewal (default 30000 ms): a worker killed
   * mid-item has its item handed to another this long after its last renewal.
   */
  lockDurationMs?: number;
}

export interface BatchWorker {
  worker: Worker<BatchItem, JobRecord>;
  /** Stops taking items, waits for the ones running, and closes its connections. */
  close(): Promise<void>;
}

/** A worker of the fleet: takes items from the queue and runs them with the shared journal and quota. */
export async function createBatchWorker(options: BatchWorkerOptions): Promise<BatchWorker> {
  const [{ Worker }, { createRedisRateLimitStore }] = await Promise.all([loadBullmq(), loadSeedanceRedis()]);
  const fleet = await openFleetJournal(options);
  const quotaClient = fleet.client.duplicate();
  const shared = createRedisRateLimitStore(quotaClient, { prefix: `${nameOf(options)}:quota:` });
  const rateLimitStore = reservingRateLimitStore(shared);
  const client = options.client({ rateLimitStore });
  const stop = new AbortController();
  const lockDuration = options.lockDurationMs ?? 30_000;
  const worker = new Worker<BatchItem, JobRecord>(
    nameOf(options),
    (job: Job<BatchItem, JobRecord>) =>
      runItem(job.data, { ...options, client, journal: fleet.journal, signal: stop.signal }),
    {
      connection: connection(options),
      concurrency: options.concurrency ?? 4,
      lockDuration,
      stalledInterval: Math.max(500, Math.floor(lockDuration / 2)),
      // A worker killed mid-item is no fault of the item's: it is handed on, not failed.
      maxStalledCount: 10,
    },
  );
  return {
    worker,
    close: async () => {
      stop.abort();
      await worker.close();
      await shared.close();
      quotaClient.disconnect();
      await fleet.close();
    },
  };
}
