// A package's entry points, read from its `exports` map: the specifiers a consumer can write.
import type { Manifest } from "./packages.ts";

export type EntryKind = "module" | "json" | "asset";

export interface EntryPoint {
  /** What a consumer imports, e.g. `@seedance/core/api`. */
  specifier: string;
  kind: EntryKind;
  /** Whether some condition of it names TypeScript declarations. */
  typed: boolean;
}

export function entryPoints(manifest: Manifest): EntryPoint[] {
  return Object.entries(manifest.exports ?? { ".": "./index.js" }).map(([subpath, target]) => {
    const files = targets(target);
    return {
      specifier: subpath === "." ? manifest.name : `${manifest.name}/${subpath.slice(2)}`,
      kind: kindOf(files),
      typed: hasTypes(target),
    };
  });
}

function targets(target: unknown): string[] {
  if (typeof target === "string") return [target];
  if (target && typeof target === "object") return Object.values(target).flatMap(targets);
  return [];
}

function hasTypes(target: unknown): boolean {
  if (!target || typeof target !== "object") return false;
  return Object.entries(target).some(([condition, value]) => condition === "types" || hasTypes(value));
}

function kindOf(files: string[]): EntryKind {
  if (files.every((file) => file.endsWith(".json"))) return "json";
  if (files.some((file) => /\.[cm]?js$/.test(file))) return "module";
  return "asset";
}
