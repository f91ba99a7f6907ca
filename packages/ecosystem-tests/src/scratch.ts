// A consumer project outside the workspace: one of projects/<name> plus the shared scenario, with
// `seedance-sdk` installed from the packed tarballs the way a user's `npm install` would.
import { cp, mkdtemp } from "node:fs/promises";
import { join } from "node:path";
import { installPacked } from "@seedance/testkit";
import { inject } from "vitest";
import { projectsDir } from "./paths.ts";

export async function scratchProject(name: string): Promise<string> {
  const dir = await mkdtemp(join(inject("scratchRoot"), `${name}-`));
  await cp(join(projectsDir, name), dir, { recursive: true });
  await cp(join(projectsDir, "scenario.js"), join(dir, "scenario.js"));
  await installPacked({
    packages: ["seedance-sdk"],
    dir,
    tarballs: inject("tarballs"),
    // npm's flat node_modules, which the bundlers and runtimes here resolve from.
    linker: "hoisted",
    manifest: { name: `seedance-ecosystem-${name}`, type: "module" },
  });
  return dir;
}
