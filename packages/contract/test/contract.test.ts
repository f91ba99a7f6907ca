// `seedance-contract` (and `pnpm contract`) spawned as real processes: its reports (text, --json,
// --junit, --report), its flags (--checks, --exclude-checks, --seed, --request-timeout, --max-time)
// and its exit codes: 0 conformant, 1 findings, 2 usage, 3 unreachable; a server that never answers
// ends within the run's deadline.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { createServer as createTcpServer, type Server as TcpServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Sandbox, startSandbox } from "@seedance/sandbox";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Corpus, keyFor, MUTANTS, SIMULATOR_OPTIONS, startCorpus } from "./mutants/corpus-run.ts";
import type { MutantServer } from "./mutants/server.ts";
import { runContractBin, runNode } from "./support.ts";

const RUN_TIMEOUT = 120_000;
/** `pnpm contract` builds the checker first (turbo; a cache hit when the tests' build ran). */
const SCRIPT_TIMEOUT = 300_000;
const SUMMARY = /^15 checks: 15 passed, 0 failed, 0 skipped; 0 findings; \d+ requests in [\d.]+ s \(seed \d+\)$/;

let sandbox: Sandbox;
let corpus: Corpus;
let mutant: MutantServer;
let dir: string;
const mutantKey = keyFor("cli-ignores-idempotency-key");
beforeAll(async () => {
  sandbox = await startSandbox(SIMULATOR_OPTIONS);
  corpus = await startCorpus();
  const defect = MUTANTS.find((candidate) => candidate.name === "ignores-idempotency-key");
  mutant = await corpus.start(defect, mutantKey);
  dir = await mkdtemp(join(tmpdir(), "seedance-contract-test-"));
});
afterAll(async () => {
  await sandbox?.stop();
  await corpus?.stop();
  await rm(dir, { recursive: true, force: true });
});

const contract = (url: string, args: string[], apiKey = sandbox.apiKey) =>
  runContractBin(["--base-url", url, ...args], { apiKey, timeoutMs: RUN_TIMEOUT });

it(
  "passes against the URL the sandbox prints with --sandbox, and writes the JUnit and Markdown reports",
  async () => {
    const junit = join(dir, "contract.xml");
    const markdown = join(dir, "contract.md");
    const run = await contract(sandbox.url, ["--sandbox", "--junit", junit, "--report", markdown]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines[0]).toBe(`Contract check of ${sandbox.url}`);
    expect(lines).toContain(
      "SKIP  generateImage 403  not provoked: no call can provoke it without a key that lacks access",
    );
    expect(lines.filter((line) => line.startsWith("PASS  "))).toHaveLength(15);
    expect(lines.at(-1)).toMatch(SUMMARY);
    const xml = await readFile(junit, "utf8");
    expect(xml).toContain('<testsuites tests="15" failures="0" skipped="0"');
    expect(xml).toContain('<testcase classname="seedance contract" name="idempotent_replay">');
    expect(await readFile(markdown, "utf8")).toMatch(
      /^# Contract check of http:\/\/127\.0\.0\.1:\d+\n[\s\S]*\| `async_lifecycle` \| PASS \|/,
    );
  },
  RUN_TIMEOUT,
);

it(
  "reports a defect as one finding with the request as a curl line (exit 1); --json has every finding",
  async () => {
    const run = await contract(mutant.url, ["--json"], mutantKey);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^seedance-contract: http:\/\/127\.0\.0\.1:\d+ breaks the contract: 15 checks: 14 passed, 1 failed/,
    );
    const report = JSON.parse(run.stdout);
    // One root cause, seen on both generation operations: one finding.
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({
      check: "idempotent_replay",
      operations: expect.arrayContaining(["generateImage", "generateVideo"]),
      occurrences: 2,
      rule: "a retry with the same Idempotency-Key and body made new work (billed twice)",
      curl: expect.stringMatching(
        /^curl -sS -i -X POST 'http:\/\/127\.0\.0\.1:\d+\/v1\/seed(ance|ream)\/generate' -H "Authorization: Bearer \$SEEDANCE_API_KEY" -H 'Idempotency-Key: contract-/,
      ),
    });
    expect(run.stdout).not.toContain(mutantKey);
    const text = await contract(mutant.url, ["--exclude-checks", "idempotent_replay"], mutantKey);
    expect(text.code).toBe(0);
    const only = await contract(mutant.url, ["--checks", "idempotent_replay,auth_schemes", "--json"], mutantKey);
    expect(only.code).toBe(1);
    expect(JSON.parse(only.stdout).checks.map((check: { name: string }) => check.name)).toEqual([
      "auth_schemes",
      "idempotent_replay",
    ]);
  },
  RUN_TIMEOUT * 3,
);

it(
  "repeats a run with --seed: the same generated requests",
  async () => {
    const runs = await Promise.all([1, 2].map(() => contract(mutant.url, ["--json", "--seed", "7"], mutantKey)));
    const [first, second] = runs.map((run) => JSON.parse(run.stdout));
    expect(first.seed).toBe(7);
    expect(first.findings.map((finding: { curl: string }) => finding.curl)).toEqual(
      second.findings.map((finding: { curl: string }) => finding.curl),
    );
  },
  RUN_TIMEOUT,
);

it("ends within its deadline against a server that never answers, reporting the time budget (exit 1)", async () => {
  const sockets = new Set<import("node:net").Socket>();
  const silent: TcpServer = createTcpServer((socket) => void sockets.add(socket));
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
  try {
    const started = Date.now();
    const budgets = await contract(url, ["--request-timeout", "1", "--max-time", "20", "--json"]);
    expect(budgets.code).toBe(1);
    const report = JSON.parse(budgets.stdout);
    expect(report.findings[0]).toMatchObject({
      check: "response_time",
      got: expect.stringMatching(/^no answer within \d+ ms$/),
    });
    // Past its deadline a run stops, whatever each request's budget.
    const deadline = await contract(url, ["--request-timeout", "60", "--max-time", "3", "--json"]);
    expect(deadline.code).toBe(1);
    expect(JSON.parse(deadline.stdout).findings).toContainEqual(
      expect.objectContaining({ check: "response_time", rule: "the run did not finish within its deadline (3000 ms)" }),
    );
    expect(Date.now() - started).toBeLessThan(30_000);
  } finally {
    for (const socket of sockets) socket.destroy();
    silent.close();
  }
}, 60_000);

it("exits 3 when nothing answers at the URL", async () => {
  const closed = createTcpServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise((resolve) => closed.close(resolve));
  const run = await contract(url, []);
  expect(run.code).toBe(3);
  expect(run.stderr).toMatch(/is unreachable: the connection failed .*ECONNREFUSED/);
});

it(
  "`pnpm contract` (scripts/contract.ts) starts its own sandbox and hands its flags to `seedance-contract`",
  async () => {
    const run = await runNode(["scripts/contract.ts", "--json"], { timeoutMs: SCRIPT_TIMEOUT });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ ok: true, findings: [] });
    // --sandbox is implied for its own sandbox: 429 is provoked too.
    expect(report.notProvoked).not.toContainEqual(
      expect.objectContaining({ operation: "getTaskStatus", status: "429" }),
    );
  },
  SCRIPT_TIMEOUT,
);

it("exits 2 for a usage error (no server, no key, an unknown flag or check, a bad number), and prints its usage with --help", async () => {
  const usage = async (args: string[], apiKey: string | undefined, says: string) => {
    const run = await runContractBin(args, { apiKey, timeoutMs: 30_000 });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(says);
  };
  await usage([], "sk-test-x", "--base-url");
  await usage(["--base-url", "http://127.0.0.1:9"], undefined, "--api-key");
  await usage(["--colour"], "sk-test-x", "--colour");
  await usage(["--base-url", "http://127.0.0.1:9", "--checks", "speed"], "sk-test-x", "no check named speed");
  await usage(
    ["--base-url", "http://127.0.0.1:9", "--request-timeout", "soon"],
    "sk-test-x",
    "--request-timeout takes",
  );
  const help = await runContractBin(["--help"], { timeoutMs: 30_000 });
  expect(help.code).toBe(0);
  expect(help.stdout).toMatch(/^Usage: seedance-contract --base-url URL/);
});
