// workerd, through miniflare: a Worker bundled from the installed `seedance-sdk` (the `workerd`
// condition), configured by its env bindings, reaching the loopback Prism with its own fetch.
import { createRequire } from "node:module";
import { Miniflare } from "miniflare";
import { expect, inject, it } from "vitest";
import { bundle } from "../src/bundle.ts";
import { expectQuickstart } from "../src/report.ts";
import { startRetryServer } from "../src/retry-server.ts";
import { scratchProject } from "../src/scratch.ts";

const miniflareVersion = createRequire(import.meta.url)("miniflare/package.json").version as string;

it("runs the quickstart, a 429 retry and a ValidationError in workerd", async () => {
  const project = await scratchProject("workerd");
  const script = await bundle(project, "worker.js", ["workerd", "worker"], "esm");
  const retry = await startRetryServer(inject("prismUrl"));
  const worker = new Miniflare({
    modules: true,
    script,
    compatibilityDate: "2026-01-01",
    bindings: { SEEDANCE_API_KEY: "sk-ecosystem", SEEDANCE_BASE_URL: inject("prismUrl"), RETRY_URL: retry.url },
  });
  try {
    const report = (await (await worker.dispatchFetch("http://worker.test/")).json()) as Record<string, unknown>;
    console.info(`workerd (miniflare ${miniflareVersion}): ${JSON.stringify(report)}`);
    expect(report.runtime).toBe("Cloudflare-Workers");
    expectQuickstart(report, "edge");
    expect(retry.requests).toHaveLength(2);
  } finally {
    await worker.dispose();
    await retry.stop();
  }
});
