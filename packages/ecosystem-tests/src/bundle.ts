// Bundles a consumer project's entry the way a Worker or Edge deploy does: for the browser
// platform, so any `node:` import reachable from it fails the build.
import { join } from "node:path";
import { build } from "esbuild";

export async function bundle(project: string, entry: string, conditions: string[], format: "esm" | "iife") {
  const result = await build({
    entryPoints: [join(project, entry)],
    absWorkingDir: project,
    bundle: true,
    format,
    platform: "browser",
    conditions,
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]?.text ?? "";
}
