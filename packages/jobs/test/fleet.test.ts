// A fleet: three worker processes on a real redis-server and BullMQ, sharing the journal and the
// quota; one is SIGKILLed between the 202 and recording its task id. BullMQ's stalled-job check
// hands its item to another worker, which resumes with the same key. Counted at the sandbox: every
// item done once, every file as served, no 429 beyond the quota's own.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { enqueueBatch, parseBatch, writeResults } from "@seedance/jobs";
import { type Sandbox, startSandbox } from "@seedance/sandbox";
import { type RedisServer, type Started, startProcess, startRedisServer } from "@seedance/testkit";
import { afterAll, beforeAll, expect, it } from "vitest";
import { expectEveryItemDoneOnce, mixedLines, writeBatch } from "./support.ts";

const ITEMS = 60;
const WORKER = join(import.meta.dirname, "fixtures", "worker-child.ts");

let sandbox: Sandbox;
let redis: RedisServer;
let dir: string;
const workers: Started[] = [];

beforeAll(async () => {
  [sandbox, redis] = await Promise.all([
    startSandbox({ taskSeconds: 1, rateLimit: 60, rateLimitWindowSeconds: 1 }),
    startRedisServer(),
  ]);
  dir = await mkdtemp(join(tmpdir(), "seedance-jobs-fleet-"));
});
afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  await Promise.all([sandbox?.stop(), redis?.close()]);
  await rm(dir, { recursive: true, force: true });
});

it(`runs ${ITEMS} items on three workers, one SIGKILLed mid-item, each item once`, async () => {
  const lines = mixedLines(ITEMS, "fleet");
  const input = join(dir, "batch.jsonl");
  const out = join(dir, "shared");
  await writeBatch(input, lines);
  const { items } = parseBatch(await readFile(input, "utf8"), "jsonl");
  const env = {
    ...process.env,
    REDIS_URL: redis.url,
    QUEUE: "fleet",
    OUT: out,
    BASE_URL: sandbox.url,
    API_KEY: sandbox.apiKey,
  };
  const enqueued = await enqueueBatch(items, { redisUrl: redis.url, name: "fleet" });
  try {
    for (const crash of ["task-created:2", "", ""]) {
      const worker = startProcess(process.execPath, [WORKER], { env: { ...env, CRASH_AT: crash }, timeoutMs: 120_000 });
      worker.finished.catch(() => {});
      workers.push(worker);
    }
    const records = await enqueued.finished({ pollMs: 200, signal: AbortSignal.timeout(90_000) });
    const killed = workers[0] as Started;
    expect(killed.child.signalCode).toBe("SIGKILL");
    const crashedItem = killed.output().stdout.match(/crash at task-created in (\S+)/)?.[1];
    expect(crashedItem).toBeDefined();
    // Another worker finished the item the killed one had sent.
    const finisher = workers.slice(1).find((worker) => worker.output().stdout.includes(`${crashedItem} done`));
    expect(finisher).toBeDefined();
    await writeResults(out, records);
    await expectEveryItemDoneOnce(sandbox, out, lines);
    const { requests, rateLimited } = sandbox.stats();
    console.info(`fleet: ${crashedItem} resumed by another worker; ${requests} requests, ${rateLimited} 429s`);
    expect(rateLimited).toBeLessThanOrEqual(workers.length * 4 * 2);
  } finally {
    await enqueued.close();
  }
}, 150_000);
