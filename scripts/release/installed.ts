// What a package pulls in at run time, as installed in the workspace: its dependencies and peers,
// followed transitively through node_modules the way Node resolves them.
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { dirname, join } from "node:path";
import type { DependencyEngines } from "./metadata.ts";

/** Where `name` resolves from `fromDir`, following Node's node_modules lookup. */
function packageDir(name: string, fromDir: string): string | undefined {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return realpathSync(candidate);
    if (dirname(dir) === dir) return undefined;
  }
}

/** Every package the package in `dir` needs at run time, with the Node versions it declares. */
export function runtimeDependencies(dir: string): DependencyEngines[] {
  const found = new Map<string, DependencyEngines>();
  const visit = (from: string) => {
    const manifest = JSON.parse(readFileSync(join(from, "package.json"), "utf8"));
    // Optional peers are the user's choice, installed with their own engines.
    const optional = new Set(
      Object.entries(manifest.peerDependenciesMeta ?? {})
        .filter(([, meta]) => (meta as { optional?: boolean }).optional)
        .map(([name]) => name),
    );
    const needed = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies });
    for (const name of needed.filter((each) => !optional.has(each))) {
      const at = packageDir(name, from);
      if (at === undefined || found.has(at)) continue; // an optional peer nobody installed, or seen
      const dependency = JSON.parse(readFileSync(join(at, "package.json"), "utf8"));
      found.set(at, { name: `${dependency.name}@${dependency.version}`, node: dependency.engines?.node });
      visit(at);
    }
  };
  visit(dir);
  return [...found.values()];
}
