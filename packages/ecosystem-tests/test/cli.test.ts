// Node 22, Node 24, Bun and Deno, each spawned on the same installed consumer project, each picking
// its build of `seedance-sdk` through the export conditions.
import type { ScriptedServer } from "@seedance/testkit";
import { afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { cleanEnv, runtimes } from "../src/paths.ts";
import { expectQuickstart } from "../src/report.ts";
import { startRetryServer } from "../src/retry-server.ts";
import { scratchProject } from "../src/scratch.ts";
import { lastJson, run } from "../src/spawn.ts";

const prismUrl = inject("prismUrl");
let project: string;
let retry: ScriptedServer;
beforeAll(async () => {
  project = await scratchProject("cli");
}, 120_000);
afterEach(() => retry?.stop());

const cases = [
  { name: "Node 22", command: runtimes.node22, args: ["main.js"], version: /^node 22\./, build: "node" },
  { name: "Node 24", command: runtimes.node24, args: ["main.js"], version: /^node 24\./, build: "node" },
  { name: "Bun", command: runtimes.bun, args: ["main.js"], version: /^bun 1\./, build: "node" },
  {
    name: "Deno",
    command: runtimes.deno,
    args: ["run", "--allow-env", "--allow-net=127.0.0.1", "--allow-read", "main.js"],
    version: /^deno 2\./,
    build: "edge",
  },
] as const;

describe.each(cases)("$name", ({ command, args, version, build }) => {
  it("runs the quickstart, a 429 retry and a ValidationError against Prism", async () => {
    retry = await startRetryServer(prismUrl);
    const env = cleanEnv({
      SEEDANCE_API_KEY: "sk-ecosystem",
      SEEDANCE_BASE_URL: prismUrl,
      RETRY_URL: retry.url,
      DENO_NO_UPDATE_CHECK: "1",
    });
    const report = lastJson(await run(command, args, { cwd: project, env }));
    console.info(`${report.runtime}: ${JSON.stringify(report)}`);
    expect(report.runtime).toMatch(version);
    expectQuickstart(report, build);
    expect(retry.requests.map((r) => r.path)).toEqual(["/v1/seedream/generate", "/v1/seedream/generate"]);
  });
});
