// Progress as the server reports it (issue 24, "Progress is not real"): the CLI's bar in a real
// terminal, and the root README's snippet, against a sandbox whose task takes a few seconds.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { type Sandbox, startSandbox } from "@seedance/sandbox";
import { afterAll, beforeAll, expect, it } from "vitest";
import { EXIT } from "../src/errors.ts";
import { barFrames, cleanEnv, expectServerFrames, repositoryRoot, runInTerminal, runNode } from "./support.ts";

let sandbox: Sandbox;
beforeAll(async () => {
  // The sandbox's default task time, as `pnpm sandbox` runs it.
  sandbox = await startSandbox({ taskSeconds: 5 });
});
afterAll(async () => {
  await sandbox?.stop();
});

const serverEnv = () => cleanEnv({ SEEDANCE_API_KEY: sandbox.apiKey, SEEDANCE_BASE_URL: sandbox.url });

it.concurrent("the bar of `seedance video --wait` in a terminal shows the state and progress the server reported, never `queued` while processing", async () => {
  const run = await runInTerminal("node packages/cli/dist/cli.js video 'Waves at dusk' --wait", { env: serverEnv() });
  expect(run.code).toBe(EXIT.ok);
  expectServerFrames(barFrames(run.stdout));
  expect(run.stdout).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/media\/videos\/task-\S+\.mp4$/m);
});

it.concurrent("the root README's snippet prints more than one progress value for a task of a few seconds", async () => {
  const readme = await readFile(join(repositoryRoot, "README.md"), "utf8");
  const snippet = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)]
    .map(([, code]) => code as string)
    .find((code) => code.includes("waitForCompletion(") && code.includes("onProgress"));
  expect(snippet, "a ts block of the root README that waits with onProgress").toBeDefined();
  const run = await runNode(["--input-type=module", "-e", snippet as string], { env: serverEnv() });
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  const values = run.stdout
    .split("\n")
    .filter((line) => /^\d+$/.test(line))
    .map(Number);
  expect(values.length).toBeGreaterThan(1);
  expect(values).toEqual([...values].sort((a, b) => a - b));
  expect(values.at(-1)).toBe(100);
  expect(run.stdout.trim().split("\n").at(-1)).toMatch(/^http:\/\/\S+\.png http:\/\/\S+\.mp4$/);
});
