// Runs inside the scratch consumer: loads each entry point as a user's code would, once with
// `import` and once with `require` (Node ≥ 22.12 loads ES modules through require), and prints
// one verdict per entry point as JSON. Data entry points are loaded as JSON or only resolved.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { EntryPoint } from "./entry-points.ts";

const require = createRequire(import.meta.url);

async function viaImport({ specifier, kind }: EntryPoint): Promise<void> {
  if (kind === "asset") assertFile(fileURLToPath(import.meta.resolve(specifier)));
  else if (kind === "json") assertExports(await import(specifier, { with: { type: "json" } }));
  else assertExports(await import(specifier));
}

function viaRequire({ specifier, kind }: EntryPoint): void {
  if (kind === "asset") assertFile(require.resolve(specifier));
  else assertExports(require(specifier));
}

function assertFile(path: string): void {
  if (!existsSync(path)) throw new Error(`${path} is not in the tarball`);
}

function assertExports(loaded: unknown): void {
  if (!loaded || Object.keys(loaded).length === 0) throw new Error("loaded, but exports nothing");
}

async function verdict(check: () => unknown): Promise<string> {
  try {
    await check();
    return "ok";
  } catch (error) {
    return error instanceof Error ? (error.message.split("\n")[0] ?? "failed") : String(error);
  }
}

const entries = JSON.parse(process.argv[2] ?? "[]") as EntryPoint[];
const verdicts = [];
for (const entry of entries) {
  verdicts.push({
    specifier: entry.specifier,
    import: await verdict(() => viaImport(entry)),
    require: await verdict(() => viaRequire(entry)),
  });
}
console.log(JSON.stringify(verdicts));
