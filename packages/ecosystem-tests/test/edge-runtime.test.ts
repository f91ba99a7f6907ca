// Vercel's edge-runtime, spawned as its own server: a function bundled from the installed
// `seedance-sdk` (the `edge-light` condition), reaching the loopback Prism.
import { writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { freePort, type Started, startProcess } from "@seedance/testkit";
import { expect, inject, it } from "vitest";
import { bundle } from "../src/bundle.ts";
import { cleanEnv, runtimes } from "../src/paths.ts";
import { expectQuickstart } from "../src/report.ts";
import { startRetryServer } from "../src/retry-server.ts";
import { scratchProject } from "../src/scratch.ts";

const version = createRequire(import.meta.url)("edge-runtime/package.json").version as string;

/** Starts `edge-runtime --listen` and resolves once it says it is listening. */
async function listen(project: string, script: string): Promise<{ url: string; server: Started }> {
  const port = await freePort();
  const server = startProcess(runtimes.node24, [runtimes.edgeRuntimeCli, "--listen", script, "--port", String(port)], {
    cwd: project,
    env: cleanEnv(),
  });
  await server.waitFor(/Waiting incoming requests/);
  return { url: `http://127.0.0.1:${port}/`, server };
}

it("runs the quickstart, a 429 retry and a ValidationError in edge-runtime", async () => {
  const project = await scratchProject("edge-runtime");
  await writeFile(join(project, "bundle.js"), await bundle(project, "worker.js", ["edge-light", "worker"], "iife"));
  const retry = await startRetryServer(inject("prismUrl"));
  const { url, server } = await listen(project, "bundle.js");
  try {
    const env = { SEEDANCE_API_KEY: "sk-ecosystem", SEEDANCE_BASE_URL: inject("prismUrl"), RETRY_URL: retry.url };
    const report = (await (await fetch(url, { method: "POST", body: JSON.stringify(env) })).json()) as Record<
      string,
      unknown
    >;
    console.info(`edge-runtime ${version}: ${JSON.stringify(report)}`);
    expect(report.runtime).toBe("edge-runtime");
    expectQuickstart(report, "edge");
    expect(retry.requests).toHaveLength(2);
  } finally {
    await server.stop();
    await retry.stop();
  }
});
