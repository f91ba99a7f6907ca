// What users install, installed the one way every suite does it: the workspace packages packed as
// `npm publish` would ship them (workspace:* rewritten to versions, only their `files`), then a
// scratch project outside the workspace installed from those tarballs with `pnpm install --offline`.
// Registry packages come from the store and metadata cache that set-up warms (scripts/provision.ts),
// pinned to the versions the workspace's lockfile holds, so no test ever reaches a registry.
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runProcess } from "./processes.ts";

/** The repository's root folder. */
export const repositoryRoot = fileURLToPath(new URL("../../..", import.meta.url));

interface Manifest {
  name: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/**
 * The environment for a child pnpm or node: without the outer `pnpm run`'s npm_* and pnpm_* settings,
 * which would otherwise give a scratch install the workspace's pnpm configuration.
 */
export function outsideEnv(
  extra: Record<string, string> = {},
  from: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(from).filter(([name]) => !/^(npm|pnpm)_/i.test(name)));
  return { ...env, ...extra };
}

/** Every workspace package's folder (relative to the root), by package name. */
async function workspaceManifests(): Promise<Map<string, { folder: string; manifest: Manifest }>> {
  const folders = ["spec", ...(await readdir(join(repositoryRoot, "packages"))).map((name) => `packages/${name}`)];
  const byName = new Map<string, { folder: string; manifest: Manifest }>();
  for (const folder of folders) {
    const text = await readFile(join(repositoryRoot, folder, "package.json"), "utf8").catch(() => undefined);
    if (text === undefined) continue;
    const manifest = JSON.parse(text) as Manifest;
    byName.set(manifest.name, { folder, manifest });
  }
  return byName;
}

/** The names of `roots` and of every workspace package they depend on at run time, directly or not. */
export async function workspaceClosure(roots: readonly string[]): Promise<string[]> {
  const byName = await workspaceManifests();
  const closure = new Set<string>();
  const visit = (name: string) => {
    const found = byName.get(name);
    if (found === undefined) throw new Error(`${name} is not a package of this workspace`);
    if (closure.has(name)) return;
    closure.add(name);
    const { dependencies = {}, peerDependencies = {} } = found.manifest;
    for (const [dependency, range] of Object.entries({ ...dependencies, ...peerDependencies })) {
      if (range.startsWith("workspace:")) visit(dependency);
    }
  };
  for (const root of roots) visit(root);
  return [...closure];
}

/** `name → version` for every registry package the workspace's lockfile holds in exactly one version. */
export async function lockedVersions(): Promise<Record<string, string>> {
  const lockfile = await readFile(join(repositoryRoot, "pnpm-lock.yaml"), "utf8");
  const versions = new Map<string, Set<string>>();
  for (const [, name, version] of lockfile.matchAll(/^ {2}'?((?:@[^/\s]+\/)?[^@\s']+)@([^('\s]+)(?:\(.*\))?'?:$/gm)) {
    if (!name || !version || name.startsWith("@seedance/") || name === "seedance-sdk") continue;
    versions.set(name, (versions.get(name) ?? new Set()).add(version));
  }
  return Object.fromEntries(
    [...versions].filter(([, found]) => found.size === 1).map(([name, found]) => [name, [...found][0] as string]),
  );
}

export interface PackOptions {
  /** Workspace packages to pack, by name; the workspace packages they depend on are packed too. */
  packages: readonly string[];
  /** The folder the tarballs go to (created if missing). */
  destination: string;
}

/** Packs `packages` and their workspace dependencies; returns each tarball's path by package name. */
export async function packWorkspace({ packages, destination }: PackOptions): Promise<Record<string, string>> {
  const byName = await workspaceManifests();
  await mkdir(destination, { recursive: true });
  const tarballs: Record<string, string> = {};
  for (const name of await workspaceClosure(packages)) {
    const before = new Set(await readdir(destination));
    const cwd = join(repositoryRoot, byName.get(name)?.folder as string);
    await runProcess("pnpm", ["pack", "--pack-destination", destination], {
      cwd,
      env: outsideEnv(),
      timeoutMs: 120_000,
    });
    const made = (await readdir(destination)).filter((file) => !before.has(file) && file.endsWith(".tgz"));
    if (made.length !== 1) throw new Error(`pnpm pack in ${cwd} made ${made.length} tarballs: ${made.join(", ")}`);
    tarballs[name] = join(destination, made[0] as string);
  }
  return tarballs;
}

export interface InstallPackedOptions {
  /** The workspace packages the project depends on, by name (their workspace dependencies come too). */
  packages: readonly string[];
  /** The scratch project's folder, outside the workspace (created if missing). */
  dir: string;
  /** Tarballs already packed by `packWorkspace`; by default the packages are packed next to `dir`. */
  tarballs?: Record<string, string>;
  /** Registry packages the project depends on too, name → version or range, installed offline. */
  dependencies?: Record<string, string>;
  /** "hoisted" gives a flat node_modules as npm's does; pnpm's own layout by default. */
  linker?: "isolated" | "hoisted";
  /** More package.json fields for the project (e.g. `type`). */
  manifest?: Record<string, unknown>;
  /** Time limit for the install (default 180 s). */
  timeoutMs?: number;
}

/**
 * A scratch project depending on `packages` (from their tarballs) and `dependencies`, installed with
 * `pnpm install --offline`; returns the tarballs it installed from, by package name.
 */
export async function installPacked(options: InstallPackedOptions): Promise<Record<string, string>> {
  const { packages, dir, dependencies = {}, linker = "isolated" } = options;
  const tarballs = options.tarballs ?? (await packWorkspace({ packages, destination: join(dirname(dir), "tarballs") }));
  const file = (name: string) => {
    const path = tarballs[name];
    if (path === undefined) throw new Error(`no tarball for ${name}: pack it with packWorkspace first`);
    return `file:${path}`;
  };
  const fromTarballs = Object.fromEntries(Object.keys(tarballs).map((name) => [name, file(name)]));
  const manifest = {
    name: "seedance-scratch-project",
    private: true,
    ...options.manifest,
    dependencies: { ...Object.fromEntries(packages.map((name) => [name, file(name)])), ...dependencies },
    // The tarballs name each other by version: point those names at the tarballs. Every other
    // package resolves to the version the workspace locks, which the offline store holds.
    pnpm: { overrides: { ...(await lockedVersions()), ...dependencies, ...fromTarballs } },
  };
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  const args = ["install", "--offline", `--config.node-linker=${linker}`];
  await runProcess("pnpm", args, { cwd: dir, env: outsideEnv(), timeoutMs: options.timeoutMs ?? 180_000 });
  return tarballs;
}
