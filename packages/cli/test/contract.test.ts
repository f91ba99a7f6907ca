// `pnpm contract` (scripts/contract.ts) spawned as a real process: the sandbox conforms, and a
// server that breaks the contract is caught.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { buffer } from "node:stream/consumers";
import { type SandboxServer, startSandboxServer } from "@seedance/sandbox";
import { afterEach, expect, it } from "vitest";
import { runNode } from "./support.ts";

const contract = (args: string[] = []) => runNode(["scripts/contract.ts", ...args]);

/** The cells of a table row (after its first), cut at the header's column starts. */
function cells(output: string, first: string): string[] {
  const lines = output.split("\n");
  const header = lines.find((line) => line.startsWith("operation ")) ?? "";
  const row = lines.find((line) => line.startsWith(`${first} `)) ?? "";
  const starts = [...header.matchAll(/\S+/g)].map((match) => match.index);
  return starts.slice(1).map((start, i) => row.slice(start, starts[i + 2]).trim());
}

it("checks every operation of the spec against its own sandbox with zero violations", async () => {
  const run = await contract();
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  const statuses = ["200", "202", "400", "401", "403", "404", "409", "429", "500", "503"];
  expect(cells(run.stdout, "operation")).toEqual(["method", "path", ...statuses]);
  expect(cells(run.stdout, "generateImage")).toEqual([
    "POST",
    "/v1/seedream/generate",
    "0",
    "",
    "0",
    "0",
    "-",
    "",
    "",
    "0",
    "0",
    "0",
  ]);
  expect(cells(run.stdout, "generateVideo")).toEqual([
    "POST",
    "/v1/seedance/generate",
    "",
    "0",
    "0",
    "0",
    "-",
    "",
    "",
    "0",
    "0",
    "0",
  ]);
  expect(cells(run.stdout, "getTaskStatus")).toEqual([
    "GET",
    "/v1/tasks/{task_id}",
    "0",
    "",
    "-",
    "0",
    "-",
    "0",
    "",
    "0",
    "-",
    "-",
  ]);
  expect(cells(run.stdout, "getTaskResult")).toEqual([
    "GET",
    "/v1/results/{task_id}",
    "0",
    "",
    "-",
    "0",
    "-",
    "0",
    "0",
    "0",
    "-",
    "-",
  ]);
  expect(run.stdout).toMatch(/^21 checks, 0 violations, 0 unexpected statuses, 0 errors, 10 not provoked$/m);
});

let upstream: SandboxServer | undefined;
let broken: { close(): void } | undefined;
afterEach(async () => {
  broken?.close();
  await upstream?.stop();
});

it("counts the violations of an upstream that breaks the contract and exits 1", async () => {
  upstream = await startSandboxServer({ taskSeconds: 1 });
  // The sandbox, with each answer's envelope `status` replaced by a value the spec does not allow.
  const target = upstream.url;
  const server = createServer(async (request, response) => {
    const body = request.method === "POST" ? await buffer(request) : undefined;
    const answer = await fetch(`${target}${request.url}`, {
      method: request.method,
      headers: { authorization: request.headers.authorization ?? "", "content-type": "application/json" },
      body,
    });
    const json = (await answer.json()) as { status: string };
    const headers = Object.fromEntries(answer.headers);
    delete headers["content-length"];
    response.writeHead(answer.status, headers);
    response.end(JSON.stringify({ ...json, status: "broken" }));
  });
  broken = server;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const run = await contract(["--upstream", url, "--api-key", "sk-test-contract"]);
  expect(run.code).toBe(1);
  expect(run.stdout).toContain(`Contract check of ${url} through`);
  expect(run.stdout).toMatch(/^generateImage .* 1!/m);
  expect(run.stdout).toMatch(/^violation {2}generateImage 200: /m);
  expect(run.stdout).not.toMatch(/, 0 violations,/);
});
