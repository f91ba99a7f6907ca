// Packs a package exactly as `pnpm publish` would ship it: only its `files`, and `workspace:*`
// rewritten to real versions (which `npm pack`, and so `attw --pack`, would leave as is).
import { statSync } from "node:fs";
import { runOrThrow } from "./exec.ts";
import type { WorkspacePackage } from "./packages.ts";

export interface Tarball {
  path: string;
  bytes: number;
}

export function pack(pkg: WorkspacePackage, destination: string): Tarball {
  const output = runOrThrow("pnpm", ["pack", "--json", "--pack-destination", destination], pkg.dir);
  const { filename } = JSON.parse(output.slice(output.indexOf("{"))) as { filename: string };
  return { path: filename, bytes: statSync(filename).size };
}
