// `seedance contract` from the packed tarballs, installed offline in a scratch project outside the
// repository, as a user's `npm install @seedance/cli` would get it: the spec comes from the
// @seedance/openapi dependency and Prism from @seedance/prism's.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SANDBOX_API_KEY, type SandboxServer, startSandboxServer } from "@seedance/sandbox";
import { afterAll, beforeAll, expect, it } from "vitest";
import { cleanEnv, repositoryRoot, runProcess } from "./support.ts";

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
}

/** The folders of @seedance/cli and of every workspace package it depends on, directly or not. */
async function workspaceClosure(): Promise<string[]> {
  const folders = ["spec", ...(await readdir(join(repositoryRoot, "packages"))).map((name) => `packages/${name}`)];
  const byName = new Map<string, { folder: string; manifest: Manifest }>();
  for (const folder of folders) {
    const manifest = JSON.parse(await readFile(join(repositoryRoot, folder, "package.json"), "utf8")) as Manifest;
    byName.set(manifest.name, { folder, manifest });
  }
  const closure = new Set<string>();
  const visit = (name: string) => {
    const found = byName.get(name);
    if (!found || closure.has(found.folder)) return;
    closure.add(found.folder);
    for (const [dependency, range] of Object.entries(found.manifest.dependencies ?? {})) {
      if (range.startsWith("workspace:")) visit(dependency);
    }
  };
  visit("@seedance/cli");
  return [...closure];
}

/** `name → version` for every package the workspace's lockfile holds in exactly one version. */
async function lockedVersions(): Promise<Record<string, string>> {
  const lockfile = await readFile(join(repositoryRoot, "pnpm-lock.yaml"), "utf8");
  const versions = new Map<string, Set<string>>();
  for (const [, name, version] of lockfile.matchAll(/^ {2}'?((?:@[^/\s]+\/)?[^@\s']+)@([^('\s]+)(?:\(.*\))?'?:$/gm)) {
    if (!name || !version || name.startsWith("@seedance/")) continue;
    versions.set(name, (versions.get(name) ?? new Set()).add(version));
  }
  return Object.fromEntries(
    [...versions].filter(([, found]) => found.size === 1).map(([name, found]) => [name, [...found][0] as string]),
  );
}

let scratch: string;
let sandbox: SandboxServer;

async function pnpm(args: string[], cwd: string): Promise<void> {
  const run = await runProcess("pnpm", args, { cwd, env: cleanEnv(), timeoutMs: 180_000 });
  if (run.code !== 0) throw new Error(`pnpm ${args.join(" ")} failed in ${cwd}:\n${run.stdout}${run.stderr}`);
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "seedance-cli-packed-"));
  const tarballs = join(scratch, "tarballs");
  for (const folder of await workspaceClosure())
    await pnpm(["pack", "--pack-destination", tarballs], join(repositoryRoot, folder));
  // seedance-core-0.1.0.tgz → @seedance/core; seedance-openapi-0.1.0.tgz → @seedance/openapi
  const byName = Object.fromEntries(
    (await readdir(tarballs)).map((file) => [
      file.replace(/-\d+\.\d+\.\d+.*\.tgz$/, "").replace(/^seedance-/, "@seedance/"),
      `file:${join(tarballs, file)}`,
    ]),
  );
  const project = join(scratch, "project");
  const locked = await lockedVersions();
  await mkdir(project);
  const manifest = {
    name: "seedance-cli-packed",
    private: true,
    dependencies: { "@seedance/cli": byName["@seedance/cli"] },
    // The tarballs name each other by version; point those names at the tarballs too. Everything
    // else resolves to the versions the workspace locks, which the offline store holds.
    pnpm: { overrides: { ...locked, ...byName } },
  };
  await writeFile(join(project, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  await pnpm(["install", "--offline"], project);
  sandbox = await startSandboxServer({ taskSeconds: 1, tiers: { free: 2 } });
}, 600_000);
afterAll(async () => {
  await sandbox?.stop();
  await rm(scratch, { recursive: true, force: true });
});

it("runs `seedance contract` from the installed package against the sandbox", async () => {
  const bin = join(scratch, "project", "node_modules", ".bin", "seedance");
  const run = await runProcess(bin, ["contract", "--base-url", sandbox.url, "--sandbox"], {
    cwd: join(scratch, "project"),
    env: cleanEnv({ SEEDANCE_API_KEY: SANDBOX_API_KEY }),
    timeoutMs: 300_000,
  });
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  expect(run.stdout.trim().split("\n").at(-1)).toBe("31 checks: 21 passed, 0 failed, 10 not provoked, 0 violations");
}, 300_000);
