// Vitest globalSetup: one real Prism mock per test run, its URL provided to tests as `prismUrl`.

import { startPrism } from "@seedance/prism";
import type { TestProject } from "vitest/node";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const prism = await startPrism();
  project.provide("prismUrl", prism.url);
  return () => prism.stop();
}
