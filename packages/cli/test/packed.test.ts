// The packed tarballs, installed offline in scratch projects outside the repository, as a user's
// `npm install @seedance/cli` would get them: the everyday CLI is small (the contract checker and
// its Prism are @seedance/contract's), and `seedance contract` works once that is installed too.
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Sandbox, startSandbox } from "@seedance/sandbox";
import { installPacked, packWorkspace } from "@seedance/testkit";
import { afterAll, beforeAll, expect, it } from "vitest";
import { cleanEnv, runProcess } from "./support.ts";

let scratch: string;
let sandbox: Sandbox;
/** A project with @seedance/cli alone, and one with @seedance/contract beside it. */
const projects = { cli: "", withContract: "" };
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
    packages: ["@seedance/cli", "@seedance/contract"],
    destination: join(scratch, "tarballs"),
  });
  projects.cli = join(scratch, "cli");
  await installPacked({ packages: ["@seedance/cli"], dir: projects.cli, tarballs });
  projects.withContract = join(scratch, "with-contract");
  await installPacked({ packages: ["@seedance/cli", "@seedance/contract"], dir: projects.withContract, tarballs });
  sandbox = await startSandbox({ taskSeconds: 1, tiers: { free: 2 } });
}, 600_000);
afterAll(async () => {
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
