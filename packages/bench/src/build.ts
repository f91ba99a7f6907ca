// Compiles the contenders and workers to plain ESM in dist/run, so child processes load no
// TypeScript stripper: a cold start or a memory figure then holds only what the contender costs.
// Packages stay external, so each child imports them from node_modules exactly as an app would.
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { CONTENDERS } from "./contenders/index.ts";

const SRC = fileURLToPath(new URL(".", import.meta.url));
const OUT_DIR = fileURLToPath(new URL("../dist/run/", import.meta.url));
const WORKERS = ["server", "load", "memory", "polling"];

/** The compiled module of a contender or a worker. */
export const runnable = (dir: "contenders" | "workers", id: string): string => `${OUT_DIR}${dir}/${id}.mjs`;

export async function buildRunnables(): Promise<void> {
  await build({
    entryPoints: [
      ...CONTENDERS.map(({ id }) => `${SRC}contenders/${id}.ts`),
      ...WORKERS.map((id) => `${SRC}workers/${id}.ts`),
    ],
    outdir: OUT_DIR,
    outbase: SRC,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node22",
    logLevel: "error",
  });
}
