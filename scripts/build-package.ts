// Builds one SDK package (run from its folder): tsc writes the declarations, esbuild the JavaScript,
// one file per entry in package.json's "exports". A few files instead of ~60 small modules keep
// `import` + `new SeedanceClient()` near a bare `node` start; a dynamic import stays a chunk of its
// own, so code that only some calls need (downloads, streams) loads on first use. Other packages
// stay external imports.
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { build } from "esbuild";

type Exports = Record<string, string | Record<string, string | Record<string, string>>>;

/** src/<name>.ts for every dist/<name>.js that package.json exports, under any condition. */
function entryPoints(exports: Exports): string[] {
  const targets = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === "string") {
      if (value.endsWith(".js")) targets.add(value.replace(/^\.\/dist\//, "src/").replace(/\.js$/, ".ts"));
    } else if (value && typeof value === "object") Object.values(value).forEach(collect);
  };
  collect(exports);
  return [...targets];
}

const { exports } = JSON.parse(readFileSync("package.json", "utf8")) as { exports: Exports };
rmSync("dist", { recursive: true, force: true });
// The package's own TypeScript, as its typecheck uses.
const tsc = createRequire(join(process.cwd(), "package.json")).resolve("typescript/bin/tsc");
execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json", "--emitDeclarationOnly"], {
  stdio: "inherit",
  timeout: 300_000,
});
const entries = entryPoints(exports);
// Chunks only for a single entry, where they come from dynamic imports alone: between several entries
// esbuild shares its helpers through a chunk imported bare, which bundlers then warn about under
// "sideEffects": false. So several entries are built whole, and must share no module (below).
const splitting = entries.length === 1;
const { metafile } = await build({
  entryPoints: entries,
  outdir: "dist",
  outbase: "src",
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  splitting,
  format: "esm",
  platform: "neutral",
  target: "es2022",
  // Dependencies (other @seedance packages, node: built-ins) are imported, never copied in.
  packages: "external",
  metafile: true,
  logLevel: "warning",
});

// A module copied into two entries would have two states (two classes of the same error, for one).
const seen = new Map<string, string>();
for (const [output, { inputs }] of Object.entries(metafile.outputs)) {
  for (const input of Object.keys(inputs)) {
    const first = seen.get(input);
    if (first) throw new Error(`${input} is bundled into both ${first} and ${output}: import it from one entry`);
    seen.set(input, output);
  }
}
