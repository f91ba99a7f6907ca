// The packed tarball in two runtimes: Node (the default provider from environment variables) and
// Vercel's edge-runtime (a bundle with the `edge-light` condition), each running the README's
// image and video calls through the real `ai` against the sandbox.
import { cp, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Sandbox, startSandbox } from "@seedance/sandbox";
import { EdgeRuntime, runServer } from "edge-runtime";
import { build } from "esbuild";
import { afterAll, beforeAll, expect, it } from "vitest";
import { dependencyClosure } from "./closure.js";
import { cleanEnv, run } from "./spawn.js";

const here = dirname(fileURLToPath(import.meta.url));
const packagesDir = join(here, "..", "..");
const require = createRequire(import.meta.url);

/** The published packages' runtime dependencies plus `ai`, as installed in the workspace. */
function thirdPartyPackages(): Map<string, string> {
  const closure = new Map<string, string>();
  for (const [name, extra] of [
    ["core", []],
    ["ai-sdk", ["ai"]],
  ] as const) {
    const dir = join(packagesDir, name);
    const manifest = require(join(dir, "package.json")) as { dependencies?: Record<string, string> };
    const names = Object.keys(manifest.dependencies ?? {}).filter((dependency) => !dependency.startsWith("@seedance/"));
    for (const [found, path] of dependencyClosure([...names, ...extra], dir)) closure.set(found, path);
  }
  return closure;
}

let sandbox: Sandbox;
let scratch: string;

/**
 * Packs @seedance/core and this package as `npm publish` would, and installs them with `ai` into a
 * project outside the workspace, offline: every third-party package comes from the workspace's copy.
 */
async function installTarballs(root: string): Promise<string> {
  const tarballs = join(root, "tarballs");
  for (const name of ["core", "ai-sdk"]) {
    await run("pnpm", ["pack", "--pack-destination", tarballs], {
      cwd: join(packagesDir, name),
      env: cleanEnv(),
      timeoutMs: 60_000,
    });
  }
  const file = async (prefix: string) =>
    `file:${join(tarballs, (await readdir(tarballs)).find((name) => name.startsWith(prefix)) ?? "")}`;
  const project = join(root, "project");
  await cp(join(here, "runtime"), project, { recursive: true });
  const thirdParty = thirdPartyPackages();
  const local = Object.fromEntries([...thirdParty].map(([name, dir]) => [name, `file:${dir}`]));
  const manifest = {
    name: "seedance-ai-sdk-consumer",
    private: true,
    type: "module",
    dependencies: { "@seedance/ai-sdk": await file("seedance-ai-sdk-"), ai: local.ai },
    pnpm: { overrides: { ...local, "@seedance/core": await file("seedance-core-") } },
  };
  await writeFile(join(project, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  await run("pnpm", ["install", "--offline", "--config.node-linker=hoisted"], {
    cwd: project,
    env: cleanEnv(),
    timeoutMs: 120_000,
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
  const env = cleanEnv({ SEEDANCE_API_KEY: sandbox.apiKey, SEEDANCE_BASE_URL: sandbox.url });
  const stdout = await run(process.execPath, ["node.js"], { cwd: project, env, timeoutMs: 60_000 });
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
