// The packed tarball in two runtimes: Node (the default provider from environment variables) and
// Vercel's edge-runtime (a bundle with the `edge-light` condition), each running the README's
// image and video calls through the real `ai` against the sandbox.
import { readFileSync } from "node:fs";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Sandbox, startSandbox } from "@seedance/sandbox";
import { installPacked, outsideEnv, runProcess } from "@seedance/testkit";
import { EdgeRuntime, runServer } from "edge-runtime";
import { build } from "esbuild";
import { afterAll, beforeAll, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const ownManifest = JSON.parse(readFileSync(join(here, "..", "package.json"), "utf8"));

let sandbox: Sandbox;
let scratch: string;

/** This package, packed as `npm publish` would, installed with `ai` into a project outside the workspace, offline. */
async function installTarballs(root: string): Promise<string> {
  const project = join(root, "project");
  await cp(join(here, "runtime"), project, { recursive: true });
  await installPacked({
    packages: ["@seedance/ai-sdk"],
    dir: project,
    // The `ai` the workspace tests with, which the peer range admits.
    dependencies: { ai: ownManifest.devDependencies.ai },
    linker: "hoisted",
    manifest: { name: "seedance-ai-sdk-consumer", type: "module" },
  });
  return project;
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "seedance-ai-sdk-"));
  [sandbox] = await Promise.all([startSandbox({ taskSeconds: 1 }), installTarballs(scratch)]);
});
afterAll(async () => {
  await sandbox?.stop();
  await rm(scratch, { recursive: true, force: true });
});

function expectFlow(report: Record<string, any>) {
  expect(report.image).toMatchObject({ mediaType: "image/png", url: expect.stringContaining("/media/") });
  expect(report.image.bytes).toBeGreaterThan(0);
  expect(report.video).toMatchObject({ mediaType: "video/mp4", box: "ftyp" });
  expect(report.video.bytes).toBeGreaterThan(0);
}

it("runs the image and video flows in Node from the installed tarball", async () => {
  const project = join(scratch, "project");
  const env = outsideEnv({ SEEDANCE_API_KEY: sandbox.apiKey, SEEDANCE_BASE_URL: sandbox.url });
  const { stdout } = await runProcess(process.execPath, ["node.js"], { cwd: project, env, timeoutMs: 60_000 });
  const report = JSON.parse(stdout.trim().split("\n").at(-1) ?? "null");
  console.info(JSON.stringify(report));
  expectFlow(report);
});

it("runs the image and video flows in edge-runtime from the installed tarball", async () => {
  const project = join(scratch, "project");
  const bundled = await build({
    entryPoints: [join(project, "worker.js")],
    absWorkingDir: project,
    bundle: true,
    format: "iife",
    // For the browser platform, so any `node:` import reachable from the provider fails the build.
    platform: "browser",
    conditions: ["edge-light", "worker"],
    write: false,
    logLevel: "silent",
  });
  const runtime = new EdgeRuntime({ initialCode: bundled.outputFiles[0]?.text ?? "" });
  const server = await runServer({ runtime, host: "127.0.0.1", port: 0 });
  try {
    const env = { SEEDANCE_API_KEY: sandbox.apiKey, SEEDANCE_BASE_URL: sandbox.url };
    const response = await fetch(server.url, { method: "POST", body: JSON.stringify(env) });
    const report = (await response.json()) as Record<string, any>;
    console.info(JSON.stringify(report));
    expect(report.runtime).toBe("edge-runtime");
    expectFlow(report);
  } finally {
    await server.close();
  }
});
