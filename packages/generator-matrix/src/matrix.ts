// `pnpm test:generators`: packs the spec, then for each generator: installs the tarball into a
// fresh work dir, generates a client with the README's command, builds it, and calls every
// operation against a real Prism mock of the packed spec. Fails if any generator fails a step,
// loses an operation, or makes Prism report a violation. `GENERATORS=id,id` runs some of them.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startPrism } from "@seedance/prism";
import { type Generator, generators } from "./generators.ts";
import { readmeTable } from "./readme-table.ts";
import { type Call, operationsOf, startRecorder } from "./recorder.ts";
import { run } from "./run.ts";

const packageDir = fileURLToPath(new URL("../", import.meta.url));
const specDir = fileURLToPath(new URL("../../../spec/", import.meta.url));
const only = process.env.GENERATORS?.split(",");
const selected = only ? generators.filter((generator) => only.includes(generator.id)) : generators;
if (selected.length === 0)
  throw new Error(`GENERATORS names no generator; ids: ${generators.map((g) => g.id).join(", ")}`);

const work = mkdtempSync(join(tmpdir(), "seedance-generators-"));
// Generated clients never outlive the run, however it ends.
process.on("exit", () => rmSync(work, { recursive: true, force: true }));
const tarball = (await run({ command: `pnpm pack --pack-destination ${work}`, cwd: specDir, timeoutMs: 120_000 }))
  .trim()
  .split("\n")
  .at(-1) as string;

/** A fresh dir with the packed spec installed as node_modules/@seedance/openapi, as npm would. */
async function installSpec(dir: string): Promise<string> {
  const target = join(dir, "node_modules/@seedance/openapi");
  mkdirSync(target, { recursive: true });
  await run({ command: `tar -xzf ${tarball} --strip-components=1 -C ${target}`, cwd: dir, timeoutMs: 60_000 });
  return target;
}

const spec = await installSpec(join(work, "spec"));
const rows = readmeTable(readFileSync(join(spec, "README.md"), "utf8"));
const operations = operationsOf(JSON.parse(readFileSync(join(spec, "dist/openapi.json"), "utf8")));
// Generous: CI's two cores may be busy with a cold build when Prism starts.
const prism = await startPrism({ spec: join(spec, "dist/openapi.json"), startTimeoutMs: 120_000 });
const recorder = await startRecorder(prism.url, operations);

/** What the calls a generator's client made lack: operations never called, errors, violations. */
function problemsOf(calls: Call[]): string[] {
  const called = new Set(calls.map((call) => call.operationId));
  return [
    ...operations.filter((op) => !called.has(op.operationId)).map((op) => `${op.operationId} was never called`),
    ...calls
      .filter((call) => !call.operationId || call.status >= 400 || call.violations.length > 0)
      .map(
        (call) =>
          `${call.operationId ?? "unknown operation"} (${call.method} ${call.path}) answered ${call.status}` +
          (call.violations.length > 0 ? ` with violations ${JSON.stringify(call.violations)}` : ""),
      ),
  ];
}

/** The TypeScript row resolves its tools and openapi-fetch from this package's node_modules. */
function linkNodeModules(dir: string): void {
  const modules = (name: string) => realpathSync(join(packageDir, "node_modules", name));
  mkdirSync(join(dir, "node_modules/.bin"), { recursive: true });
  mkdirSync(join(dir, "node_modules/@types"), { recursive: true });
  for (const name of ["openapi-fetch", "@types/node"]) symlinkSync(modules(name), join(dir, "node_modules", name));
  symlinkSync(join(modules("openapi-typescript"), "bin/cli.js"), join(dir, "node_modules/.bin/openapi-typescript"));
  symlinkSync(join(modules("typescript"), "bin/tsc"), join(dir, "node_modules/.bin/tsc"));
}

async function runGenerator(generator: Generator): Promise<void> {
  const row = rows.find((candidate) => candidate.generator === generator.row);
  if (!row) throw new Error(`spec/README.md has no row "${generator.row}"`);
  const dir = join(work, generator.id);
  await installSpec(dir);
  cpSync(join(packageDir, "clients", generator.client), dir, { recursive: true });
  if (generator.client === "typescript") linkNodeModules(dir);
  const step = (command: string) => run({ command, cwd: dir, timeoutMs: generator.timeoutMs, env: generator.env });
  for (const command of generator.setup ?? []) await step(command);
  if (generator.commandIn) {
    if (!readFileSync(join(dir, generator.commandIn), "utf8").includes(row.command)) {
      throw new Error(
        `clients/${generator.client}/${generator.commandIn} does not use the README's command: ${row.command}`,
      );
    }
  } else await step(row.command);
  for (const command of generator.build) await step(command);
  recorder.take();
  await step(`${generator.call} ${recorder.url}`);
  const problems = problemsOf(recorder.take());
  if (problems.length > 0) throw new Error(`against Prism:\n  ${problems.join("\n  ")}`);
}

const results: { id: string; seconds: number; error?: string }[] = [];
try {
  for (const generator of selected) {
    const started = performance.now();
    console.log(`--- ${generator.id} (${generator.row})`);
    try {
      await runGenerator(generator);
      results.push({ id: generator.id, seconds: (performance.now() - started) / 1000 });
    } catch (error) {
      results.push({
        id: generator.id,
        seconds: (performance.now() - started) / 1000,
        error: (error as Error).message,
      });
      console.error((error as Error).message);
    }
  }
} finally {
  await recorder.stop();
  await prism.stop();
}

for (const { id, seconds, error } of results) {
  console.log(`${error ? "FAIL" : "ok  "} ${id.padEnd(24)} ${seconds.toFixed(0).padStart(5)} s`);
}
const failed = results.filter((result) => result.error).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
