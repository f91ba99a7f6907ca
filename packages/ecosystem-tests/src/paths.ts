// Where things are: the workspace's packages, this package's consumer projects, the runtimes' binaries.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const packagesDir = join(here, "..", "..");
export const projectsDir = join(here, "..", "projects");

const require = createRequire(import.meta.url);
const packageDir = (name: string, from = require) => dirname(from.resolve(`${name}/package.json`));
const rootRequire = createRequire(join(packagesDir, "..", "package.json"));

export const runtimes = {
  /** The `node@22` npm package, aliased `node22`. */
  node22: join(packageDir("node22"), "bin", "node"),
  /** The toolchain's Node 24: the workspace root's `node` devDependency. */
  node24: join(packageDir("node", rootRequire), "bin", "node"),
  bun: join(packageDir("bun"), "bin", "bun.exe"),
  deno: join(packageDir("deno"), "deno"),
  edgeRuntimeCli: join(packageDir("edge-runtime"), "dist", "cli", "index.js"),
};

/** The environment without the outer pnpm run's npm_* settings, which would leak into child installs. */
export { outsideEnv as cleanEnv } from "@seedance/testkit";
