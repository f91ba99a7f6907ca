// The README's "Batch generation" example, run as written (imports resolve to this package) against
// a sandbox, in a scratch folder: then run again, as after an interruption, and nothing is paid twice.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Sandbox, startSandbox } from "@seedance/sandbox";
import { runProcess } from "@seedance/testkit";
import { afterAll, beforeAll, expect, it } from "vitest";

let sandbox: Sandbox;
let cwd: string;

beforeAll(async () => {
  sandbox = await startSandbox({ taskSeconds: 0.5 });
  cwd = await mkdtemp(join(tmpdir(), "seedance-jobs-readme-"));
});
afterAll(async () => {
  await sandbox?.stop();
  await rm(cwd, { recursive: true, force: true });
});

it("runs the README's batch example, and again without paying twice", async () => {
  const readme = await readFile(new URL("../README.md", import.meta.url), "utf8");
  const example = /## Batch generation\n[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!example) throw new Error("the README has no Batch generation example");
  const file = join(import.meta.dirname, ".readme-example.ts");
  await writeFile(file, example);
  const env = { ...process.env, SEEDANCE_API_KEY: sandbox.apiKey, SEEDANCE_BASE_URL: sandbox.url };
  try {
    for (let run = 0; run < 2; run++) {
      const { stdout } = await runProcess(process.execPath, [file], { cwd, env, timeoutMs: 60_000 });
      expect(stdout).toBe(
        "line 3: image request: model is missing (required)\nbarn done barn.png\nwaves done waves.mp4\n",
      );
    }
    const results = (await readFile(join(cwd, "out", "results.jsonl"), "utf8")).trim().split("\n");
    expect(results.map((line) => JSON.parse(line).state)).toEqual(["done", "done"]);
    expect(sandbox.stats().generations).toHaveLength(2);
  } finally {
    await rm(file, { force: true });
  }
});
