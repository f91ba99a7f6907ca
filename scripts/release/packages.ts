// The publishable packages: every workspace package that is not private, as pnpm itself lists them,
// so a new package (e.g. packages/cli) is checked and released without touching this list.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runOrThrow } from "./exec.ts";
import { root } from "./paths.ts";

export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  exports?: Record<string, unknown>;
  bin?: string | Record<string, string>;
}

export interface WorkspacePackage {
  name: string;
  dir: string;
  manifest: Manifest;
}

/** Every package of the workspace, the root and private ones included. */
export function workspacePackages(): WorkspacePackage[] {
  const listed = JSON.parse(runOrThrow("pnpm", ["ls", "-r", "--depth", "-1", "--json"], root)) as { path: string }[];
  return listed
    .map(({ path }) => ({ dir: path, manifest: JSON.parse(readFileSync(join(path, "package.json"), "utf8")) }))
    .map(({ dir, manifest }) => ({ name: manifest.name, dir, manifest }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function publishablePackages(): WorkspacePackage[] {
  return workspacePackages().filter(({ manifest }) => !manifest.private);
}
