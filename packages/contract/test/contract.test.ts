// `seedance-contract` (and `pnpm contract`) spawned as real processes: the URL the sandbox prints
// conforms, with and without --sandbox, and a server that breaks the contract in five ways has each
// one reported as a failure naming the operation and the violation.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buffer } from "node:stream/consumers";
import { type Sandbox, startSandbox } from "@seedance/sandbox";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { jsonLines, runContractBin, runNode } from "./support.ts";

const CONTRACT_TIMEOUT = 300_000;
/** `pnpm contract` builds the checker first (turbo; a cache hit when the tests' build ran). */
const SCRIPT_TIMEOUT = 480_000;
describe("against a sandbox", () => {
  /** The sandbox as `pnpm sandbox` starts it: `sandbox.url` is the URL it prints. */
  let sandbox: Sandbox;
  let broken: Server | undefined;
  let dir: string;
  beforeEach(async () => {
    sandbox = await startSandbox({ taskSeconds: 1, tiers: { free: 2 } });
    dir = await mkdtemp(join(tmpdir(), "seedance-contract-test-"));
  });
  afterEach(async () => {
    broken?.close();
    await sandbox.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const contract = (url: string, args: string[]) =>
    runContractBin(["--base-url", url, ...args], { apiKey: sandbox.apiKey, timeoutMs: CONTRACT_TIMEOUT });

  it(
    "passes against the URL the sandbox prints with --sandbox: every operation, zero violations",
    async () => {
      const junit = join(dir, "contract.xml");
      const run = await contract(sandbox.url, ["--sandbox", "--junit", junit]);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      const lines = run.stdout.trim().split("\n");
      expect(lines[0]).toBe(`Contract check of ${sandbox.url} through Prism's validating proxy`);
      const checks = lines.filter((line) => /^(PASS|FAIL|SKIP) {2}/.test(line));
      expect(checks).toHaveLength(31);
      expect(checks).toContain("PASS  generateImage 200  POST /v1/seedream/generate");
      expect(checks).toContain("PASS  generateVideo 503  POST /v1/seedance/generate");
      expect(checks).toContain("PASS  getTaskResult 409  GET /v1/results/{task_id}");
      expect(checks.filter((line) => line.startsWith("FAIL"))).toEqual([]);
      expect(lines.at(-1)).toBe("31 checks: 21 passed, 0 failed, 10 not provoked, 0 violations");
      const xml = await readFile(junit, "utf8");
      expect(xml).toContain('<testsuites tests="31" failures="0" skipped="10"');
      expect(xml).toContain(
        '<testcase classname="seedance contract.generateImage" name="200 POST /v1/seedream/generate"',
      );
    },
    CONTRACT_TIMEOUT,
  );

  /**
   * The sandbox behind a proxy that breaks one answer of each kind: a 200 without its envelope, a
   * field of the wrong type, a 404 without the rate-limit headers, a 500 without an error body, and
   * (the first time only, so that later checks can still create tasks) a 202 without `task_id`.
   */
  async function startBrokenServer(upstream: string): Promise<string> {
    let accepted = 0;
    const server = createServer(async (request, response) => {
      const body = request.method === "POST" ? await buffer(request) : undefined;
      const answer = await fetch(`${upstream}${request.url}`, {
        method: request.method,
        headers: { authorization: request.headers.authorization ?? "", "content-type": "application/json" },
        body,
      });
      const json = (await answer.json()) as { data: Record<string, unknown> };
      const headers = Object.fromEntries(answer.headers);
      delete headers["content-length"];
      const operation = `${request.method} ${request.url?.replace(/task-[^/?]+$/, "{task_id}")} ${answer.status}`;
      let out: unknown = json;
      if (operation === "POST /v1/seedream/generate 200") out = json.data;
      if (operation === "GET /v1/results/{task_id} 200")
        out = { ...json, data: { ...json.data, completed_at: 1700000000 } };
      if (operation === "POST /v1/seedance/generate 202" && accepted++ === 0) {
        const { task_id: _dropped, ...data } = json.data;
        out = { ...json, data };
      }
      if (operation === "GET /v1/tasks/{task_id} 404") {
        for (const name of Object.keys(headers)) if (name.startsWith("x-ratelimit-")) delete headers[name];
      }
      if (operation === "POST /v1/seedream/generate 500") {
        delete headers["content-type"];
        response.writeHead(500, headers).end();
        return;
      }
      response.writeHead(answer.status, headers).end(JSON.stringify(out));
    });
    broken = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it(
    "reports each way a server breaks the contract as a failure naming the operation and the violation",
    async () => {
      const url = await startBrokenServer(sandbox.upstreamUrl);
      const junit = join(dir, "contract.xml");
      const run = await contract(url, ["--sandbox", "--junit", junit]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(
        /^seedance-contract: http:\/\/127\.0\.0\.1:\d+ breaks the contract: 31 checks: \d+ passed, 5 failed/,
      );
      const fails = run.stdout.split("\n").filter((line) => line.startsWith("FAIL"));
      const failure = (check: string) => fails.find((line) => line.startsWith(`FAIL  ${check}  `)) ?? "";
      expect(fails).toHaveLength(5);
      // missing envelope
      expect(failure("generateImage 200")).toMatch(/violation.*\[response\.body\].*required property 'status'/);
      // a 500 without an error body
      expect(failure("generateImage 500")).toMatch(/violation.*\[response\] .*media type "".*application\/json/);
      // a 202 without task_id
      expect(failure("generateVideo 202")).toMatch(/violation.*\[response\.body\.data\].*required property 'task_id'/);
      // missing rate-limit headers
      expect(failure("getTaskStatus 404")).toMatch(/violation.*\[response\.header\].*x-ratelimit-limit/i);
      // wrong types
      expect(failure("getTaskResult 200")).toMatch(
        /violation.*\[response\.body\.data\.completed_at\] .*must be string/,
      );

      const xml = await readFile(junit, "utf8");
      expect(xml).toContain('<testsuites tests="31" failures="5"');
      expect(xml).toMatch(
        /name="202 POST \/v1\/seedance\/generate" time="[\d.]+">\s*<failure message="got \d+, \d+ violations?">/,
      );
    },
    CONTRACT_TIMEOUT,
  );

  it(
    "passes against the URL the sandbox prints without --sandbox, and prints a JSON line per check and a summary with --json",
    async () => {
      const run = await contract(sandbox.url, ["--json"]);
      expect(run.code).toBe(0);
      const lines = jsonLines(run.stdout);
      expect(lines).toHaveLength(32);
      expect(lines[0]).toMatchObject({ operation: "generateImage", status: "200", outcome: "pass", got: 200 });
      expect(
        lines.filter((line) => line.outcome === "skip").map((line) => `${line.operation} ${line.status}`),
      ).toContain("generateImage 429");
      expect(lines.at(-1)).toEqual({
        summary: expect.objectContaining({
          baseUrl: sandbox.url,
          passed: 13,
          failed: 0,
          skipped: 18,
          violations: 0,
          ok: true,
        }),
      });
    },
    CONTRACT_TIMEOUT,
  );
});

it(
  "`pnpm contract` (scripts/contract.ts) starts its own sandbox and hands its flags to `seedance-contract`",
  async () => {
    const run = await runNode(["scripts/contract.ts", "--json"], { timeoutMs: SCRIPT_TIMEOUT });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines).toHaveLength(32);
    // --sandbox is implied for its own sandbox: 429, 500 and 503 are provoked too.
    expect(lines.at(-1)).toEqual({
      summary: expect.objectContaining({ passed: 21, failed: 0, skipped: 10, violations: 0, ok: true }),
    });
  },
  SCRIPT_TIMEOUT,
);

it("asks for the server and a key (exit 2), and prints its usage with --help", async () => {
  const noUrl = await runContractBin([], { apiKey: "sk-test-x", timeoutMs: 30_000 });
  expect(noUrl.code).toBe(2);
  expect(noUrl.stderr).toContain("--base-url");
  const noKey = await runContractBin(["--base-url", "http://127.0.0.1:9"], { timeoutMs: 30_000 });
  expect(noKey.code).toBe(2);
  expect(noKey.stderr).toContain("--api-key");
  const unknown = await runContractBin(["--colour"], { timeoutMs: 30_000 });
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toContain("--colour");
  const help = await runContractBin(["--help"], { timeoutMs: 30_000 });
  expect(help.code).toBe(0);
  expect(help.stdout).toMatch(/^Usage: seedance-contract --base-url URL/);
});
