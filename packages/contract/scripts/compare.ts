// `pnpm --filter @seedance/contract compare`: our checker and Schemathesis (installed by the set-up
// into tools/python/.venv) on the same corpus of mutant servers (test/mutants), side by side: caught
// or not, requests each tool sent (counted by the mutant server itself) and wall time per mutant.
// A benchmark, not a test: it prints the table and exits 0 (1 if our checker misses a mutant or
// raises a false positive on the correct server). `--only NAME,…` runs a part of the corpus.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { pythonTool, runProcess } from "@seedance/testkit";
import { runContract } from "../src/index.ts";
import { bundledSpecPath } from "../src/spec.ts";
import type { Mutant } from "../test/mutants/corpus.ts";
import { CORPUS_REQUEST_TIMEOUT_MS, inPool, keyFor, MUTANTS, startCorpus } from "../test/mutants/corpus-run.ts";

const { values } = parseArgs({ options: { only: { type: "string" }, concurrency: { type: "string", default: "3" } } });
const only = values.only?.split(",");
const hooks = fileURLToPath(new URL("../../sandbox/test/schemathesis/", import.meta.url));
const st = pythonTool("st");
const SCHEMATHESIS_TIMEOUT_MS = 600_000;

interface Run {
  caught: boolean;
  requests: number;
  seconds: number;
  note: string;
}

const corpus = await startCorpus();
const cwd = await mkdtemp(join(tmpdir(), "seedance-compare-"));

async function timed(
  start: () => Promise<{ url: string; requests(): number; stop(): Promise<void> }>,
  run: (url: string) => Promise<Omit<Run, "requests" | "seconds">>,
): Promise<Run> {
  const server = await start();
  const started = performance.now();
  try {
    const result = await run(server.url);
    return { ...result, requests: server.requests(), seconds: (performance.now() - started) / 1000 };
  } finally {
    await server.stop();
  }
}

async function ours(mutant: Mutant | undefined): Promise<Run> {
  const apiKey = keyFor(`ours-${mutant?.name ?? "correct"}`);
  return timed(
    () => corpus.start(mutant, apiKey),
    async (url) => {
      const report = await runContract({
        baseUrl: url,
        apiKey,
        sandbox: mutant?.sandbox ?? false,
        seed: 1,
        requestTimeoutMs: CORPUS_REQUEST_TIMEOUT_MS,
      });
      return { caught: !report.ok, note: [...new Set(report.findings.map((finding) => finding.check))].join(" ") };
    },
  );
}

async function schemathesis(mutant: Mutant | undefined, checks: "default" | "all"): Promise<Run> {
  const apiKey = keyFor(`st-${checks}-${mutant?.name ?? "correct"}`);
  return timed(
    () => corpus.start(mutant, apiKey),
    async (url) => {
      const run = await runProcess(
        st,
        [
          "run",
          bundledSpecPath,
          "--url",
          url,
          "--header",
          `Authorization: Bearer ${apiKey}`,
          "--seed",
          "1",
          "--max-examples",
          "10",
          "--no-color",
          "--generation-database",
          "none",
          "--request-timeout",
          String(CORPUS_REQUEST_TIMEOUT_MS / 1000),
          "--max-response-time",
          String(CORPUS_REQUEST_TIMEOUT_MS / 1000),
          ...(checks === "all" ? ["--checks", "all"] : []),
        ],
        {
          env: { ...process.env, PYTHONPATH: hooks, SCHEMATHESIS_HOOKS: "fresh_idempotency_keys" },
          cwd,
          timeoutMs: SCHEMATHESIS_TIMEOUT_MS,
        },
      ).catch(
        (error: { result?: { stdout: string; code: number | null } }) => error.result ?? { stdout: "", code: null },
      );
      const failed = !/No issues found/.test(run.stdout);
      const note = [...run.stdout.matchAll(/^[_ ]*\d+\. (.+)$/gm)]
        .map((match) => match[1])
        .slice(0, 2)
        .join("; ");
      return { caught: failed, note: failed ? note || `exit ${run.code}` : "" };
    },
  );
}

const list: (Mutant | undefined)[] = [undefined, ...MUTANTS.filter((mutant) => !only || only.includes(mutant.name))];
type Row = { name: string; defect: string; ours: Run; st: Run; stAll: Run };
const rows = await inPool(list, Number(values.concurrency), async (mutant): Promise<Row> => {
  const [oursRun, stRun, stAllRun] = [
    await ours(mutant),
    await schemathesis(mutant, "default"),
    await schemathesis(mutant, "all"),
  ];
  const row = {
    name: mutant?.name ?? "(correct server)",
    defect: mutant?.defect ?? "none",
    ours: oursRun,
    st: stRun,
    stAll: stAllRun,
  };
  process.stderr.write(`${row.name}: ours ${oursRun.caught}, st ${stRun.caught}, st --checks all ${stAllRun.caught}\n`);
  return row;
});
await corpus.stop();
await rm(cwd, { recursive: true, force: true });

const mark = (run: Run, correct: boolean) =>
  correct ? (run.caught ? "FALSE POSITIVE" : "clean") : run.caught ? "caught" : "MISSED";
const cell = (run: Run, correct: boolean) => `${mark(run, correct)} | ${run.requests} | ${run.seconds.toFixed(1)}`;
console.log("| mutant | seedance contract | req | s | Schemathesis | req | s | Schemathesis --checks all | req | s |");
console.log("| --- | --- | ---: | ---: | --- | ---: | ---: | --- | ---: | ---: |");
for (const row of rows) {
  const correct = row.name === "(correct server)";
  console.log(
    `| ${row.name}${MUTANTS.find((m) => m.name === row.name)?.sandbox ? " (--sandbox)" : ""} | ${cell(row.ours, correct)} | ${cell(row.st, correct)} | ${cell(row.stAll, correct)} |`,
  );
}
const mutants = rows.filter((row) => row.name !== "(correct server)");
const caught = (pick: (row: Row) => Run) => mutants.filter((row) => pick(row).caught).length;
const total = (pick: (row: Row) => Run, key: "requests" | "seconds") =>
  rows.reduce((sum, row) => sum + pick(row)[key], 0);
console.log(
  `\ncaught of ${mutants.length}: seedance contract ${caught((r) => r.ours)} (${total((r) => r.ours, "requests")} requests, ${total((r) => r.ours, "seconds").toFixed(0)} s); ` +
    `Schemathesis ${caught((r) => r.st)} (${total((r) => r.st, "requests")} requests, ${total((r) => r.st, "seconds").toFixed(0)} s); ` +
    `Schemathesis --checks all ${caught((r) => r.stAll)} (${total((r) => r.stAll, "requests")} requests, ${total((r) => r.stAll, "seconds").toFixed(0)} s)`,
);
const missed = mutants.filter((row) => !row.ours.caught).map((row) => row.name);
const falsePositive = rows[0]?.ours.caught;
if (missed.length > 0 || falsePositive) {
  console.error(
    `seedance contract missed: ${missed.join(", ") || "none"}; false positive on the correct server: ${falsePositive}`,
  );
  process.exitCode = 1;
}
