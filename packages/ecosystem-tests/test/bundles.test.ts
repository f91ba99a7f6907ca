// What a bundler makes of seedance-sdk for the browser and the edge: within budget, and free of
// Node built-ins (esbuild's browser platform fails the build on any reachable `node:` import).
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));

const bundleForBrowserPlatform = (entry: string, resolveDir: string, conditions: string[] = []) =>
  build({
    stdin: { contents: `export * from "${entry}";`, resolveDir },
    bundle: true,
    format: "esm",
    platform: "browser",
    conditions,
    write: false,
    logLevel: "silent",
  });

describe.each([
  ["browser", ["browser"]],
  ["workerd", ["workerd", "worker"]],
  ["edge-light", ["edge-light", "worker"]],
  ["deno", ["deno"]],
])("seedance-sdk resolved with the %s condition", (_, conditions) => {
  it("bundles for the browser platform, so it reaches no node: import", async () => {
    const result = await bundleForBrowserPlatform("seedance-sdk", packageDir, conditions);
    expect(result.errors).toEqual([]);
  });
});

it("fails that bundle for @seedance/node, which does import node: modules", async () => {
  const sdkDir = dirname(require.resolve("seedance-sdk/package.json"));
  await expect(bundleForBrowserPlatform("@seedance/node", sdkDir)).rejects.toThrow(/Could not resolve "node:/);
});

it("stays within the size budgets", async () => {
  const cli = join(dirname(require.resolve("size-limit/package.json")), "bin.js");
  const { stdout } = await promisify(execFile)(process.execPath, [cli, "--json"], { cwd: packageDir });
  const results = JSON.parse(stdout) as { name: string; passed: boolean; size: number; sizeLimit: number }[];
  for (const { name, size, sizeLimit } of results) console.info(`${name}: ${size} B min+gzip (limit ${sizeLimit} B)`);
  expect(results.filter((result) => !result.passed)).toEqual([]);
});
