// The corpus (test/mutants): every mutant server, one defect each, is caught by the check named for
// it, and a correct server (the same proxy without a defect) and the sandbox (simulator behind
// Prism, as `seedance-sandbox` serves it) have no finding at all. Mutants run a few at a time.
import { startSandbox } from "@seedance/sandbox";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runContract } from "../src/index.ts";
import { type Corpus, checkMutant, inPool, MUTANTS, SIMULATOR_OPTIONS, startCorpus } from "./mutants/corpus-run.ts";

let corpus: Corpus;
beforeAll(async () => {
  corpus = await startCorpus();
});
afterAll(async () => {
  await corpus?.stop();
});

it("has at least 25 mutants, each with a defect of its own", () => {
  expect(MUTANTS.length).toBeGreaterThanOrEqual(25);
  expect(new Set(MUTANTS.map((mutant) => mutant.name)).size).toBe(MUTANTS.length);
});

it("catches every mutant with the check named for its defect, and finds nothing on a correct server", async () => {
  const list = [undefined, ...MUTANTS];
  const reports = await inPool(list, 4, (mutant) => checkMutant(corpus, mutant));
  const verdicts = list.map((mutant, index) => {
    const report = reports[index];
    const checks = [...new Set(report?.findings.map((finding) => finding.check))].sort();
    return { name: mutant?.name ?? "correct", expected: mutant?.caughtBy, checks };
  });
  expect(reports[0]?.findings).toEqual([]);
  for (const verdict of verdicts.slice(1)) {
    expect({ name: verdict.name, caught: verdict.checks.some((check) => check === verdict.expected) }).toEqual({
      name: verdict.name,
      caught: true,
    });
  }
  // Each finding names what the server sent, the rule and the request as a curl line.
  const slow = reports[list.findIndex((mutant) => mutant?.name === "slow-answer")];
  expect(slow?.findings[0]).toMatchObject({
    check: "response_time",
    operation: "getTaskStatus",
    got: expect.stringMatching(/^no answer within \d+ ms$/),
    curl: expect.stringMatching(/^curl -sS -i -X GET 'http:\/\/127\.0\.0\.1:\d+\/v1\/tasks\/task-/),
  });
  const bare500 = reports[list.findIndex((mutant) => mutant?.name === "500-without-body")];
  expect(bare500?.findings).toEqual([
    expect.objectContaining({ check: "positive_data_acceptance", got: "500 with an empty body" }),
  ]);
}, 240_000);

it("finds nothing on the sandbox as `seedance-sandbox` serves it (behind Prism), with --sandbox", async () => {
  const sandbox = await startSandbox(SIMULATOR_OPTIONS);
  try {
    const report = await runContract({ baseUrl: sandbox.url, apiKey: sandbox.apiKey, sandbox: true });
    expect(report.findings).toEqual([]);
    expect(report.ok).toBe(true);
    // 429, 500 and 503 were provoked: not in the list of statuses left unprovoked.
    const unprovoked = report.notProvoked.map((item) => `${item.operation} ${item.status}`);
    expect(unprovoked).not.toContain("getTaskStatus 429");
    expect(unprovoked).not.toContain("generateImage 500");
    expect(unprovoked).not.toContain("generateVideo 503");
    expect(report.requests).toBeGreaterThan(100);
  } finally {
    await sandbox.stop();
  }
}, 120_000);
