// Vitest globalSetup: one real Prism mock per test run, its URL provided to tests as `prismUrl`.
import type { TestProject } from "vitest/node";
import { startPrism } from "@seedance/prism";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const prism = await startPrism();
  project.provide("prismUrl", prism.url);
  return () => prism.stop();
}
