// Schemathesis (the best-known property-based API tester; the set-up installs it from PyPI into
// tools/python/.venv) against the URL the sandbox prints, with its default checks and every phase:
// examples, boundary coverage, fuzzing (valid and invalid requests) and stateful sequences. A fixed
// seed makes the run repeatable; ten examples per operation keep it to seconds.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { bundledSpecPath } from "@seedance/prism";
import { pythonTool, runProcess } from "@seedance/testkit";
import { expect, it } from "vitest";
import { startSandbox } from "./sandbox.ts";

const hooks = fileURLToPath(new URL("../test/schemathesis/", import.meta.url));
const TIMEOUT_MS = 240_000;

it(
  "Schemathesis passes against the sandbox URL with its default checks",
  async () => {
    const st = pythonTool("st");
    // Schemathesis sends hundreds of requests: more than a test key's hourly quota.
    const sandbox = await startSandbox({ taskSeconds: 1, rateLimit: 1_000_000 });
    // Its working folder, where Hypothesis would leave files of its own.
    const cwd = await mkdtemp(join(tmpdir(), "seedance-schemathesis-"));
    try {
      const run = await runProcess(
        st,
        [
          "run",
          bundledSpecPath,
          "--url",
          sandbox.url,
          "--header",
          `Authorization: Bearer ${sandbox.apiKey}`,
          "--seed",
          "1",
          "--max-examples",
          "10",
          "--no-color",
          // Nothing kept between runs (Hypothesis's example database): each run is the seed's alone.
          "--generation-database",
          "none",
        ],
        {
          // A fresh Idempotency-Key per request, as the spec asks of clients (see the hook's docstring).
          env: { ...process.env, PYTHONPATH: hooks, SCHEMATHESIS_HOOKS: "fresh_idempotency_keys" },
          cwd,
          timeoutMs: TIMEOUT_MS,
        },
      );
      expect(run.stdout).toMatch(/No issues found/);
      expect(run.stdout).toMatch(/Selected: 4\/4/);
    } finally {
      await sandbox.stop();
      await rm(cwd, { recursive: true, force: true });
    }
  },
  TIMEOUT_MS + 30_000,
);
