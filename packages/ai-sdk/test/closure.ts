// The installed packages a dependency needs, found in the workspace's node_modules, so a scratch
// project can install them from disk with `pnpm install --offline` (no registry, no metadata cache).
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { dirname, join } from "node:path";

/** Where `name` resolves from `fromDir`, following Node's node_modules lookup. */
function packageDir(name: string, fromDir: string): string | undefined {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return realpathSync(candidate);
    if (dirname(dir) === dir) return undefined;
  }
}

/** Every package `names` depend on (dependencies and installed peers), by name → directory. */
export function dependencyClosure(names: readonly string[], fromDir: string): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (name: string, from: string) => {
    if (found.has(name)) return;
    const dir = packageDir(name, from);
    if (dir === undefined) return; // an optional peer nobody installed
    found.set(name, dir);
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    for (const dependency of Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })) {
      visit(dependency, dir);
    }
  };
  for (const name of names) visit(name, fromDir);
  return found;
}
