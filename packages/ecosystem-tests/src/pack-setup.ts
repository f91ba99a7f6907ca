// Vitest globalSetup: packs the publishable packages once per run, exactly as `npm publish` would
// ship them (workspace:* rewritten to versions, only `files`), so every runtime installs those.
import { mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runProcess } from "@seedance/testkit";
import type { TestProject } from "vitest/node";
import { cleanEnv, packagesDir } from "./paths.ts";

/** The packages a consumer of `seedance-sdk` installs. */
const PACKED = ["core", "edge", "node", "browser", "seedance-sdk"];

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = await mkdtemp(join(tmpdir(), "seedance-ecosystem-"));
  const dir = join(root, "tarballs");
  await mkdir(dir);
  const tarballs: Record<string, string> = {};
  for (const name of PACKED) {
    await runProcess("pnpm", ["pack", "--pack-destination", dir], {
      cwd: join(packagesDir, name),
      env: cleanEnv(),
      timeoutMs: 60_000,
    });
  }
  for (const file of await readdir(dir)) {
    // seedance-core-0.1.0.tgz → @seedance/core; seedance-sdk-0.1.0.tgz → seedance-sdk
    const base = file.replace(/-\d+\.\d+\.\d+.*\.tgz$/, "");
    tarballs[base === "seedance-sdk" ? base : base.replace(/^seedance-/, "@seedance/")] = join(dir, file);
  }
  project.provide("tarballs", tarballs);
  project.provide("scratchRoot", root);
  return () => rm(root, { recursive: true, force: true });
}
