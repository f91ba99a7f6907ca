// Where the examples are, and the runtimes (Bun, Deno) the tests run them in.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const examplesDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const example = (name: string) => join(examplesDir, name);

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

export const runtimes = {
  node: process.execPath,
  bun: join(packageDir("bun"), "bin", "bun.exe"),
  deno: join(packageDir("deno"), "deno"),
};
