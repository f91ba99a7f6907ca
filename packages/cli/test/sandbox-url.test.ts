// The CLI against the URL the sandbox prints (issue 24): the API's own answers reach the user, and
// `seedance contract` (the @seedance/contract package, loaded on first use) passes against it.
import { type Sandbox, startSandbox } from "@seedance/sandbox";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runCli } from "./support.ts";

const CONTRACT_TIMEOUT = 300_000;
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ taskSeconds: 1, tiers: { free: 2 } });
});
afterAll(() => sandbox?.stop());

it("with --no-validate, an over-long prompt gets the API's 400 INVALID_PROMPT message, whole", async () => {
  const run = await runCli(["image", "x".repeat(301), "--no-validate"], { server: sandbox });
  expect(run.code).toBe(1);
  expect(run.stderr).toContain("400 INVALID_PROMPT: Prompt is too long (max 300 characters)");
  expect(run.stderr).not.toMatch(/error envelope|Prism/);
});

it(
  "`seedance contract --sandbox` passes against the URL the sandbox prints",
  async () => {
    const run = await runCli(["contract", "--base-url", sandbox.url, "--sandbox"], {
      env: { SEEDANCE_API_KEY: sandbox.apiKey },
      timeoutMs: CONTRACT_TIMEOUT,
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split("\n").at(-1)).toMatch(
      /^15 checks: 15 passed, 0 failed, 0 skipped; 0 findings; \d+ requests in [\d.]+ s \(seed \d+\)$/,
    );
  },
  CONTRACT_TIMEOUT,
);
