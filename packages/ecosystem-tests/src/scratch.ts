// A consumer project outside the workspace: one of projects/<name> plus the shared scenario, with
// `seedance-sdk` installed from the packed tarballs the way a user's `npm install` would.
import { cp, mkdtemp, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { runProcess } from "@seedance/testkit";
import { inject } from "vitest";
import { cleanEnv, projectsDir } from "./paths.ts";

export async function scratchProject(name: string): Promise<string> {
  const tarballs = inject("tarballs");
  const dir = await mkdtemp(join(inject("scratchRoot"), `${name}-`));
  await cp(join(projectsDir, name), dir, { recursive: true });
  await cp(join(projectsDir, "scenario.js"), join(dir, "scenario.js"));
  const file = (path: string) => `file:${path}`;
  const manifest = {
    name: `seedance-ecosystem-${name}`,
    private: true,
    type: "module",
    dependencies: { "seedance-sdk": file(tarballs["seedance-sdk"] as string) },
    // The tarballs name each other by version; point those names at the tarballs too.
    pnpm: { overrides: Object.fromEntries(Object.entries(tarballs).map(([pkg, path]) => [pkg, file(path)])) },
  };
  await writeFile(join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  // --offline: tests never reach a registry; the store and its metadata were filled at set-up.
  await runProcess("pnpm", ["install", "--offline", "--config.node-linker=hoisted"], {
    cwd: dir,
    env: cleanEnv(),
    timeoutMs: 120_000,
  });
  return dir;
}
