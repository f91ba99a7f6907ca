// The packed tarballs, installed offline in scratch projects outside the repository, as a user's
// `npm install @seedance/cli` would get them: the everyday CLI is small (the contract checker and
// its Prism are @seedance/contract's, the fleet's BullMQ and ioredis optional), `seedance contract`
// works once that is installed too, and `seedance batch` works alone and as a fleet on redis-server.
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Sandbox, startSandbox } from "@seedance/sandbox";
import {
  installPacked,
  lockedVersions,
  packWorkspace,
  type RedisServer,
  startProcess,
  startRedisServer,
} from "@seedance/testkit";
import { afterAll, beforeAll, expect, it } from "vitest";
import { cleanEnv, runProcess } from "./support.ts";

let scratch: string;
let sandbox: Sandbox;
let redis: RedisServer;
const workers: ReturnType<typeof startProcess>[] = [];
/** A project with @seedance/cli alone, and one with @seedance/contract beside it. */
const projects = { cli: "", withContract: "", fleet: "" };
/** The CLI's install goal (issue 24): fewer packages than this. */
const MAX_CLI_PACKAGES = 15;

/** The packages installed in a project (pnpm keeps one folder per package in node_modules/.pnpm). */
async function installedPackages(project: string): Promise<{ name: string; scripts: Record<string, string> }[]> {
  const store = join(project, "node_modules", ".pnpm");
  const entries = (await readdir(store)).filter((entry) => entry !== "node_modules" && entry !== "lock.yaml");
  return Promise.all(
    entries.map(async (entry) => {
      // @scope+name@version… holds node_modules/@scope/name
      const name = entry.replace(/@(?:file\+|\d).*$/, "").replace("+", "/");
      const manifest = JSON.parse(await readFile(join(store, entry, "node_modules", name, "package.json"), "utf8"));
      return { name: entry, scripts: manifest.scripts ?? {} };
    }),
  );
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "seedance-cli-packed-"));
  const tarballs = await packWorkspace({
    packages: ["@seedance/cli", "@seedance/contract", "@seedance/redis"],
    destination: join(scratch, "tarballs"),
  });
  projects.cli = join(scratch, "cli");
  await installPacked({ packages: ["@seedance/cli"], dir: projects.cli, tarballs });
  projects.withContract = join(scratch, "with-contract");
  await installPacked({ packages: ["@seedance/cli", "@seedance/contract"], dir: projects.withContract, tarballs });
  // The fleet's optional peers, at the versions the workspace locks.
  const locked = await lockedVersions();
  projects.fleet = join(scratch, "fleet");
  await installPacked({
    packages: ["@seedance/cli", "@seedance/redis"],
    dir: projects.fleet,
    tarballs,
    dependencies: { bullmq: String(locked.bullmq), ioredis: String(locked.ioredis) },
  });
  sandbox = await startSandbox({ taskSeconds: 1, tiers: { free: 2 } });
  redis = await startRedisServer();
}, 600_000);
afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  await redis?.close();
  await sandbox?.stop();
  await rm(scratch, { recursive: true, force: true });
});

const seedance = (project: string, args: string[], env: Record<string, string> = {}) => {
  // Only what the project installed: not the workspace's packages, which pnpm puts on NODE_PATH.
  const { NODE_PATH: _workspace, ...rest } = cleanEnv(env);
  return runProcess(join(project, "node_modules", ".bin", "seedance"), args, {
    cwd: project,
    env: rest,
    timeoutMs: 300_000,
  });
};

it(`installs @seedance/cli with fewer than ${MAX_CLI_PACKAGES} packages and no install scripts, without Prism`, async () => {
  const installed = await installedPackages(projects.cli);
  console.info(`@seedance/cli installs ${installed.length} packages: ${installed.map(({ name }) => name).join(", ")}`);
  expect(installed.length).toBeLessThan(MAX_CLI_PACKAGES);
  const withScripts = installed.filter(({ scripts }) =>
    ["preinstall", "install", "postinstall"].some((s) => s in scripts),
  );
  expect(withScripts.map(({ name }) => name)).toEqual([]);
  expect(existsSync(join(projects.cli, "node_modules", ".pnpm", "node_modules", "@stoplight"))).toBe(false);
});

it("says how to install @seedance/contract when `seedance contract` runs without it (exit 2)", async () => {
  const run = await seedance(projects.cli, ["contract", "--base-url", sandbox.url], {
    SEEDANCE_API_KEY: sandbox.apiKey,
  });
  expect(run.code).toBe(2);
  expect(run.stderr).toContain("seedance contract needs @seedance/contract, which is not installed");
  expect(run.stderr).toContain("npm install -g @seedance/contract");
  const help = await seedance(projects.cli, ["contract", "--help"]);
  expect(help.code).toBe(0);
  expect(help.stdout).toContain("seedance contract needs @seedance/contract, which is not installed");
});

it("runs `seedance contract` from the installed packages against the URL the sandbox prints", async () => {
  const run = await seedance(projects.withContract, ["contract", "--base-url", sandbox.url, "--sandbox"], {
    SEEDANCE_API_KEY: sandbox.apiKey,
  });
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  expect(run.stdout.trim().split("\n").at(-1)).toMatch(
    /^15 checks: 15 passed, 0 failed, 0 skipped; 0 findings; \d+ requests in [\d.]+ s \(seed \d+\)$/,
  );
}, 300_000);

const BATCH = [
  '{"id": "barn", "prompt": "Packed barn", "model": "seedream-3.0"}',
  '{"id": "waves", "prompt": "Packed waves", "model": "seedance-1.0", "duration": 5}',
  '{"id": "dusk", "prompt": "Packed dusk", "model": "seedream-3.0", "num_images": 2}',
].join("\n");

it("runs `seedance batch` from the installed packages, and a rerun spends nothing", async () => {
  await writeFile(join(projects.cli, "batch.jsonl"), BATCH);
  const env = { SEEDANCE_API_KEY: sandbox.apiKey, SEEDANCE_BASE_URL: sandbox.url };
  const run = await seedance(projects.cli, ["batch", "batch.jsonl", "--out", "out"], env);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  const results = (await readFile(join(projects.cli, "out", "results.jsonl"), "utf8")).trim().split("\n");
  expect(results.map((line) => JSON.parse(line).state)).toEqual(["done", "done", "done"]);
  expect((await readdir(join(projects.cli, "out"))).sort()).toEqual(
    expect.arrayContaining(["barn.png", "dusk-1.png", "dusk-2.png", "waves.mp4", "seedance-journal.sqlite"]),
  );
  const generations = sandbox.stats().generations.length;
  const again = await seedance(projects.cli, ["batch", "batch.jsonl", "--out", "out"], env);
  expect(again.code).toBe(0);
  expect(sandbox.stats().generations.length).toBe(generations);
}, 120_000);

it("says what to install when `seedance batch --redis` runs without BullMQ (exit 2)", async () => {
  await writeFile(join(projects.cli, "fleet.jsonl"), BATCH);
  const run = await seedance(projects.cli, ["batch", "fleet.jsonl", "--redis", redis.url], {
    SEEDANCE_API_KEY: sandbox.apiKey,
  });
  expect(run.code).toBe(2);
  expect(run.stderr).toContain("needs bullmq, which is not installed");
  expect(run.stderr).toContain("npm install bullmq ioredis @seedance/redis");
});

it("runs a fleet from the installed packages: `seedance batch --redis` and two `seedance batch worker`s", async () => {
  const batch = BATCH.replaceAll("Packed", "Fleet");
  await writeFile(join(projects.fleet, "batch.jsonl"), batch);
  const { NODE_PATH: _workspace, ...env } = cleanEnv({
    SEEDANCE_API_KEY: sandbox.apiKey,
    SEEDANCE_BASE_URL: sandbox.url,
  });
  const bin = join(projects.fleet, "node_modules", ".bin", "seedance");
  for (let index = 0; index < 2; index++) {
    const worker = startProcess(bin, ["batch", "worker", "--redis", redis.url, "--out", "shared"], {
      cwd: projects.fleet,
      env,
      timeoutMs: 300_000,
    });
    worker.finished.catch(() => {});
    workers.push(worker);
    await worker.waitFor(/Worker ready/);
  }
  const run = await seedance(projects.fleet, ["batch", "batch.jsonl", "--redis", redis.url, "--out", "results"], {
    SEEDANCE_API_KEY: sandbox.apiKey,
  });
  expect(run.code, run.stdout + run.stderr).toBe(0);
  const results = (await readFile(join(projects.fleet, "results", "results.jsonl"), "utf8")).trim().split("\n");
  expect(results.map((line) => JSON.parse(line).state)).toEqual(["done", "done", "done"]);
  expect(await readdir(join(projects.fleet, "shared"))).toEqual(
    expect.arrayContaining(["barn.png", "dusk-1.png", "dusk-2.png", "waves.mp4"]),
  );
  const fleetMade = sandbox.stats().generations.filter(({ prompt }) => prompt.startsWith("Fleet"));
  expect(fleetMade).toHaveLength(3);
}, 300_000);
