// `pnpm bench` (batch part): N image items under a quota of Q requests per window of W seconds, on a
// sandbox with a fresh quota for each contender. `seedance batch`'s runner (@seedance/jobs) beside a
// naive `Promise.all` over the SDK (its retries honour Retry-After). Reported: wall time as a ratio
// of the quota-bound optimum (⌈N/Q⌉ windows plus one task time), items done, 429s received and
// double bills, all counted at the sandbox.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqliteJournal, parseBatch, reservingRateLimitStore, runBatch } from "@seedance/jobs";
import { SeedanceClient } from "@seedance/node";
import { type Sandbox, startSandbox } from "@seedance/sandbox";

const quick = process.argv.includes("--quick");
const N = quick ? 60 : 200;
const Q = quick ? 20 : 40;
const WINDOW_SECONDS = quick ? 2 : 5;

interface Outcome {
  seconds: number;
  done: number;
  rateLimited: number;
  doubleBills: number;
}

const lines = (tag: string) =>
  Array.from({ length: N }, (_, index) =>
    JSON.stringify({ id: `${tag}-${index}`, prompt: `${tag} ${index}`, model: "seedream-3.0" }),
  ).join("\n");

async function measure(tag: string, run: (sandbox: Sandbox) => Promise<number>): Promise<Outcome> {
  const sandbox = await startSandbox({ rateLimit: Q, rateLimitWindowSeconds: WINDOW_SECONDS });
  try {
    const started = performance.now();
    const done = await run(sandbox);
    const seconds = (performance.now() - started) / 1000;
    const { generations, rateLimited } = sandbox.stats();
    const perPrompt = new Map<string, number>();
    for (const { prompt } of generations) perPrompt.set(prompt, (perPrompt.get(prompt) ?? 0) + 1);
    const doubleBills = [...perPrompt.values()].reduce((sum, count) => sum + count - 1, 0);
    console.error(`${tag}: ${seconds.toFixed(1)} s`);
    return { seconds, done, rateLimited, doubleBills };
  } finally {
    await sandbox.stop();
  }
}

/** One image request's time on the sandbox (the optimum's "one task time"). */
async function oneTaskSeconds(): Promise<number> {
  const sandbox = await startSandbox({});
  try {
    const client = new SeedanceClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url });
    const started = performance.now();
    await client.seedream.generate({ prompt: "one", model: "seedream-3.0" });
    return (performance.now() - started) / 1000;
  } finally {
    await sandbox.stop();
  }
}

const batch = await measure("batch (@seedance/jobs runBatch)", async (sandbox) => {
  const dir = await mkdtemp(join(tmpdir(), "seedance-bench-batch-"));
  const journal = openSqliteJournal(join(dir, "journal.sqlite"));
  try {
    const rateLimitStore = reservingRateLimitStore();
    const client = new SeedanceClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url, rateLimitStore });
    const { items } = parseBatch(lines("batch"), "jsonl");
    const summary = await runBatch({ client, journal, items, outDir: dir, concurrency: 8 });
    return summary.done;
  } finally {
    await journal.close();
    await rm(dir, { recursive: true, force: true });
  }
});

const naive = await measure("naive Promise.all (SDK retries)", async (sandbox) => {
  const client = new SeedanceClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url });
  const { items } = parseBatch(lines("naive"), "jsonl");
  const settled = await Promise.allSettled(
    items.map((item) => client.seedream.generate({ prompt: String(item.body.prompt), model: "seedream-3.0" })),
  );
  return settled.filter((each) => each.status === "fulfilled").length;
});

const task = await oneTaskSeconds();
const windows = Math.ceil(N / Q);
const optimum = windows * WINDOW_SECONDS + task;
// The last window need not be waited out: its requests go at its start.
const tight = (windows - 1) * WINDOW_SECONDS + task;
const row = (name: string, outcome: Outcome) =>
  `| ${name} | ${outcome.seconds.toFixed(1)} s | ${(outcome.seconds / optimum).toFixed(2)}× | ${(outcome.seconds / tight).toFixed(2)}× | ${outcome.done}/${N} | ${outcome.rateLimited} | ${outcome.doubleBills} |`;
console.log(
  [
    `\n## Batch: ${N} images under a quota of ${Q} requests per ${WINDOW_SECONDS} s window`,
    "",
    `Optimum: ⌈N/Q⌉ = ${windows} windows + one task time (${task.toFixed(3)} s) = ${optimum.toFixed(1)} s; ` +
      `tight bound (the last window's requests go at its start): ${tight.toFixed(1)} s.`,
    "",
    "| contender | wall time | ÷ optimum | ÷ tight bound | items done | 429s received | double bills |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    row("`runBatch` (`seedance batch`)", batch),
    row("naive `Promise.all`, SDK retries", naive),
  ].join("\n"),
);
