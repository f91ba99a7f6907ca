// `pnpm start` (scripts/demo.ts) spawned as a real process: the quickstart end to end, in time.
// In a terminal, as a user runs it, so that its progress bar is drawn.
import { statSync } from "node:fs";
import { type Sandbox, startSandbox } from "@seedance/sandbox";
import { afterEach, expect, it } from "vitest";
import { barFrames, cleanEnv, expectServerFrames, runInTerminal, runNode } from "./support.ts";

/** The `saved <path> (<n> bytes)` lines: each file must exist with that size. */
function savedFiles(stdout: string): string[] {
  const saved = [...stdout.matchAll(/^saved {2}(\S+) \(([\d,]+) bytes\)$/gm)];
  for (const [, path, bytes] of saved) expect(statSync(path as string).size).toBe(Number(bytes?.replaceAll(",", "")));
  return saved.map(([, path]) => path as string);
}

it("in a terminal: starts its own sandbox, runs the image and video flow with a bar of what the server reports, downloads both, in under 60 s", async () => {
  const run = await runInTerminal("node scripts/demo.ts");
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^Sandbox: http:\/\/127\.0\.0\.1:\d+ /m);
  expect(run.stdout).toMatch(/^image {2}http:\/\/127\.0\.0\.1:\d+\/media\/\S+\.png$/m);
  expect(run.stdout).toMatch(/^video {2}task task-\S+ queued \(about \d+s\)$/m);
  // The bar: the state and progress of each poll, several of them across the 8 s task.
  const frames = barFrames(run.stdout);
  expectServerFrames(frames);
  const processing = new Set(frames.filter(({ state }) => state === "processing").map(({ percent }) => percent));
  expect(processing.size).toBeGreaterThan(1);
  expect(run.stdout).toMatch(/^video {2}http:\/\/127\.0\.0\.1:\d+\/media\/\S+\.mp4$/m);
  const files = savedFiles(run.stdout);
  expect(files.map((path) => path.split(".").pop())).toEqual(["png", "mp4"]);
  expect(run.stdout).not.toMatch(/Failed|Error/);
  expect(run.stdout).toMatch(/Sandbox stopped\.\n$/);
  expect(run.elapsed).toBeLessThan(60_000);
});

it("stops its sandbox when interrupted (Ctrl-C) while the video is being made, exit 130", async () => {
  const run = await runNode(["scripts/demo.ts"], { interruptWhen: /^video {2}task /m });
  expect(run.code).toBe(130);
  expect(run.stderr).toBe("Interrupted\n");
  expect(run.stdout).toMatch(/Sandbox stopped\.\n$/);
});

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.stop();
});

it("runs against SEEDANCE_BASE_URL with SEEDANCE_API_KEY when both are set, starting no sandbox", async () => {
  sandbox = await startSandbox({ taskSeconds: 1 });
  const env = cleanEnv({ SEEDANCE_API_KEY: sandbox.apiKey, SEEDANCE_BASE_URL: sandbox.url });
  const run = await runNode(["scripts/demo.ts"], { env });
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  expect(run.stdout).toContain(`Server: ${sandbox.url} (from SEEDANCE_BASE_URL)`);
  // Not a terminal: plain progress lines instead of a bar.
  expect(run.stdout).toMatch(/^task-\S+ {2}completed {2}100%$/m);
  expect(run.stdout).toContain(`image  ${sandbox.upstreamUrl}/media/`);
  expect(savedFiles(run.stdout)).toHaveLength(2);
  expect(run.stdout).not.toContain("Sandbox");
});
