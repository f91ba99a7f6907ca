// Type-checks a consumer of every typed entry point under each moduleResolution a user may have,
// one tsc run per mode, and charges each error to the package it comes from.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { EntryPoint } from "./entry-points.ts";
import { run } from "./exec.ts";
import { bin } from "./paths.ts";

export const RESOLUTIONS = {
  bundler: { module: "esnext", moduleResolution: "bundler" },
  node16: { module: "node16", moduleResolution: "node16" },
  nodenext: { module: "nodenext", moduleResolution: "nodenext" },
} as const;
export type Resolution = keyof typeof RESOLUTIONS;

/** Per package, per resolution: "ok", the first error, or undefined when the package ships no types. */
export type TypeVerdicts = Record<string, Partial<Record<Resolution, string>>>;

export function typecheckConsumer(dir: string, packages: Record<string, readonly EntryPoint[]>): TypeVerdicts {
  const files = writeConsumerFiles(dir, packages);
  const resolutions = Object.keys(RESOLUTIONS) as Resolution[];
  const errors = new Map(resolutions.map((resolution) => [resolution, firstErrors(dir, resolution, files)]));
  return Object.fromEntries(
    Object.keys(packages).map((name) => {
      if (!files.has(name)) return [name, {}];
      return [name, Object.fromEntries(resolutions.map((mode) => [mode, errors.get(mode)?.get(name) ?? "ok"]))];
    }),
  );
}

/** Runs tsc under one resolution; returns each failing package's first error. */
function firstErrors(dir: string, resolution: Resolution, files: Map<string, string>): Map<string, string> {
  const tsconfig = `tsconfig.${resolution}.json`;
  writeFileSync(join(dir, tsconfig), JSON.stringify(consumerTsconfig(RESOLUTIONS[resolution]), null, 2));
  const tsc = run(bin("tsc"), ["-p", tsconfig], dir);
  const errors = tsc.output.split("\n").filter((line) => line.includes("error TS"));
  // A failure that names no file (a bad tsconfig) is everyone's.
  if (!tsc.ok && errors.length === 0) errors.push(tsc.output.trim() || "tsc failed");
  const first = new Map<string, string>();
  for (const error of errors) {
    // An error outside every package (e.g. in @types/node) fails them all.
    const owner = ownerOf(error, files);
    for (const name of owner ? [owner] : files.keys()) if (!first.has(name)) first.set(name, error);
  }
  return first;
}

/** One file per typed package, importing each of its typed entry points; returns package → file. */
function writeConsumerFiles(dir: string, packages: Record<string, readonly EntryPoint[]>): Map<string, string> {
  mkdirSync(join(dir, "types"), { recursive: true });
  const files = new Map<string, string>();
  for (const [name, entries] of Object.entries(packages)) {
    const typed = entries.filter((entry) => entry.typed);
    if (typed.length === 0) continue;
    const file = `types/${name.replace(/[@/]/g, "_")}.ts`;
    const imports = typed.map((entry, i) => `import * as entry${i} from "${entry.specifier}";`);
    const uses = `export type Loaded = [${typed.map((_, i) => `typeof entry${i}`).join(", ")}];`;
    writeFileSync(join(dir, file), `${[...imports, uses].join("\n")}\n`);
    files.set(name, file);
  }
  return files;
}

function consumerTsconfig(options: object) {
  return {
    compilerOptions: {
      ...options,
      target: "es2022",
      lib: ["es2023", "dom", "dom.iterable"],
      types: ["node"],
      strict: true,
      noEmit: true,
      // Check the shipped declarations themselves, not only that they resolve.
      skipLibCheck: false,
    },
    include: ["types/*.ts"],
  };
}

/** The package an error is in: its consumer file, or the last `node_modules/<name>/` of its path. */
function ownerOf(error: string, files: Map<string, string>): string | undefined {
  const path = error.slice(0, error.indexOf("("));
  for (const [name, file] of files) if (path === file) return name;
  const inModules = [...path.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)].at(-1)?.[1];
  return inModules && files.has(inModules) ? inModules : undefined;
}
