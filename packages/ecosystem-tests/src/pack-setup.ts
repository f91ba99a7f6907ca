// Vitest globalSetup: packs what a consumer of `seedance-sdk` installs once per run, exactly as
// `npm publish` would ship it, so every runtime installs those tarballs.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packWorkspace } from "@seedance/testkit";
import type { TestProject } from "vitest/node";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = await mkdtemp(join(tmpdir(), "seedance-ecosystem-"));
  project.provide("tarballs", await packWorkspace({ packages: ["seedance-sdk"], destination: join(root, "tarballs") }));
  project.provide("scratchRoot", root);
  return () => rm(root, { recursive: true, force: true });
}
