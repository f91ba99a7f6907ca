// Test helpers: the CLI and the repository's scripts spawned as real processes.

import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ProcessError, startProcess } from "@seedance/testkit";
import { expect } from "vitest";

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Milliseconds from spawn to exit. */
  elapsed: number;
}

export const repositoryRoot = fileURLToPath(new URL("../../..", import.meta.url));
const cliPath = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

/** The environment without the user's Seedance settings, plus `env`. */
export function cleanEnv(env: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { SEEDANCE_API_KEY: _key, SEEDANCE_BASE_URL: _url, SEEDANCE_WEBHOOK_SECRET: _secret, ...rest } = process.env;
  return { ...rest, ...env };
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  input?: string;
  /** Sends SIGINT (as Ctrl-C does) once the output so far matches. */
  interruptWhen?: RegExp;
  /** Kills the process group after this long (default 120 s) and fails with the last output. */
  timeoutMs?: number;
  cwd?: string;
}

/** Runs `node <args>` in the repository's root to its end, feeding `input` on stdin. */
export const runNode = (args: string[], options: RunOptions = {}) => runProcess(process.execPath, args, options);

/** Runs `command <args>` (in the repository's root unless `cwd`) to its end, within `timeoutMs`. */
export async function runProcess(command: string, args: string[], options: RunOptions = {}): Promise<Run> {
  const started = Date.now();
  const child = startProcess(command, args, {
    env: options.env ?? cleanEnv(),
    cwd: options.cwd ?? repositoryRoot,
    input: options.input,
    timeoutMs: options.timeoutMs ?? 120_000,
  });
  if (options.interruptWhen) {
    await child.waitFor(options.interruptWhen).then(
      () => child.child.kill("SIGINT"),
      () => {},
    );
  }
  // A non-zero exit is an outcome the tests look at; only the time limit is a failure.
  const result = await child.finished.catch((error: unknown) => {
    if (error instanceof ProcessError && error.result.signal !== "SIGKILL") return error.result;
    throw error;
  });
  return { code: result.code, stdout: result.stdout, stderr: result.stderr, elapsed: Date.now() - started };
}

/** Runs `seedance <args>` against `server` (`{ url, apiKey }`), or with no server settings. */
export const runCli = (
  args: string[],
  options: Omit<RunOptions, "env"> & { server?: { url: string; apiKey: string }; env?: Record<string, string> } = {},
) =>
  runNode([cliPath, ...args], {
    ...options,
    env: cleanEnv({
      ...(options.server ? { SEEDANCE_API_KEY: options.server.apiKey, SEEDANCE_BASE_URL: options.server.url } : {}),
      ...options.env,
    }),
  });

/** The JSON lines of a `--json` run. */
export const jsonLines = (stdout: string): any[] =>
  stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));

/** The repository's `node_modules/.bin`, where pnpm links `seedance` as it would be on a user's PATH. */
const binDir = join(repositoryRoot, "node_modules", ".bin");

/** Runs `script` in `sh` with `seedance` on the PATH and `server`'s settings in the environment, as a user's shell would. */
export const runShell = (script: string, options: RunOptions & { server?: { url: string; apiKey: string } } = {}) =>
  runProcess("sh", ["-c", script], {
    ...options,
    env: cleanEnv({
      PATH: `${binDir}${delimiter}${process.env.PATH ?? ""}`,
      ...(options.server ? { SEEDANCE_API_KEY: options.server.apiKey, SEEDANCE_BASE_URL: options.server.url } : {}),
    }),
  });

/**
 * Runs `command` (a shell line) on a pseudo-terminal, as in a user's terminal window, through
 * util-linux's `script`; stdout is everything the terminal received, stderr included, with `\r\n`
 * read as `\n`.
 */
export async function runInTerminal(command: string, options: RunOptions = {}): Promise<Run> {
  const run = await runProcess("script", ["-qfec", command, "/dev/null"], options);
  return { ...run, stdout: run.stdout.replaceAll("\r\n", "\n") };
}

/** The `N% | state` frames a progress bar drew, in order. */
export const barFrames = (output: string): { percent: number; state: string }[] =>
  [...output.matchAll(/\] (\d+)% \| (\S+) \|/g)].map(([, percent, state]) => ({
    percent: Number(percent),
    state: state as string,
  }));

/**
 * Checks the frames of a bar against what a sandbox reports: progress in tenths, `queued` only at
 * 0%, states in the order the server goes through them, at least one `processing` frame, and a
 * last frame at 100% `completed`. A bar that paces itself with the clock fails the first two.
 */
export function expectServerFrames(frames: { percent: number; state: string }[]): void {
  const order = ["queued", "processing", "completed"];
  expect(frames.length).toBeGreaterThan(0);
  for (const frame of frames) {
    expect(frame.percent % 10, `${frame.percent}% is not a progress the sandbox reports`).toBe(0);
    if (frame.state === "queued") expect(frame.percent).toBe(0);
    expect(order).toContain(frame.state);
  }
  const states = frames.map(({ state }) => order.indexOf(state));
  expect(states).toEqual([...states].sort((a, b) => a - b));
  expect(frames.some(({ state }) => state === "processing")).toBe(true);
  expect(frames.at(-1)).toEqual({ percent: 100, state: "completed" });
}
