// One machine, many crashes: a batch of 200 mixed items, SIGKILLed at each of the moments that
// could lose a paid result or pay twice, and at random moments, then run again each time. At the
// end, counted at the sandbox: every item done, every file as the sandbox serves it, one image set
// or task per item, and no 429 beyond the quota's own.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Sandbox, startSandbox } from "@seedance/sandbox";
import { startProcess } from "@seedance/testkit";
import { afterAll, beforeAll, expect, it } from "vitest";
import { expectEveryItemDoneOnce, FIXTURE, mixedLines, runChild, writeBatch } from "./support.ts";

const ITEMS = 200;
const CONCURRENCY = 8;
/** The kills at named moments: `<checkpoint>:<n>` stops the child the n-th time it gets there. */
const SCHEDULE = [
  "key-written:7", // the key is on disk, the request not sent
  "task-created:3", // the 202 is in, its task id not yet recorded
  "downloading:5", // bytes arriving, the file not yet in place
  "results-writing:1", // half of results.jsonl written
  "key-written:20",
  "task-created:6",
  "downloading:11",
  "results-writing:2",
  "key-written:2",
  "task-created:1",
  "downloading:2",
];
/** Kills at random moments too, ms after the start. */
const RANDOM_KILLS = 3;

let sandbox: Sandbox;
let dir: string;

beforeAll(async () => {
  sandbox = await startSandbox({ taskSeconds: 0.5, rateLimit: 120, rateLimitWindowSeconds: 1 });
  dir = await mkdtemp(join(tmpdir(), "seedance-jobs-chaos-"));
});
afterAll(async () => {
  await sandbox?.stop();
  await rm(dir, { recursive: true, force: true });
});

it(`finishes ${ITEMS} items once each through ${SCHEDULE.length + RANDOM_KILLS} SIGKILLs`, async () => {
  const lines = mixedLines(ITEMS, "chaos");
  const input = join(dir, "batch.jsonl");
  const out = join(dir, "out");
  await writeBatch(input, lines);
  const env = {
    BASE_URL: sandbox.url,
    API_KEY: sandbox.apiKey,
    INPUT: input,
    OUT: out,
    CONCURRENCY: String(CONCURRENCY),
  };
  const kills: string[] = [];
  for (const [index, point] of SCHEDULE.entries()) {
    if (index % 4 === 1) await killAtRandom(env, kills);
    const run = await runChild({ ...env, CRASH_AT: point });
    expect(run.signal, `${point}: ${run.stdout.slice(-300)}${run.stderr}`).toBe("SIGKILL");
    kills.push(point);
  }
  const last = await runChild(env);
  expect(last.code, last.stdout + last.stderr).toBe(0);
  expect(last.stdout).toContain(`summary done=${ITEMS} failed=0`);
  expect(kills.length, kills.join(", ")).toBe(SCHEDULE.length + RANDOM_KILLS);
  await expectEveryItemDoneOnce(sandbox, out, lines);
  // Each fresh process learns the quota from its first answers: at most its pool's worth of 429s.
  const runs = kills.length + 1;
  const { requests, rateLimited } = sandbox.stats();
  console.info(`chaos: ${kills.length} SIGKILLs (${kills.join(", ")}), ${requests} requests, ${rateLimited} 429s`);
  expect(sandbox.stats().rateLimited).toBeLessThanOrEqual(runs * CONCURRENCY);
}, 200_000);

/** Starts the child and SIGKILLs its group a random moment after it starts an item. */
async function killAtRandom(env: Record<string, string>, kills: string[]): Promise<void> {
  const child = startProcess(process.execPath, [FIXTURE], { env: { ...process.env, ...env }, timeoutMs: 60_000 });
  child.finished.catch(() => {});
  try {
    await child.waitFor(/ (keyed|running|downloading)\n/);
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 300));
    if (child.child.pid && child.child.exitCode === null) {
      process.kill(-child.child.pid, "SIGKILL");
      kills.push("random");
    }
  } finally {
    await child.stop();
  }
}
