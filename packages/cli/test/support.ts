// Test helpers: the CLI and the repository's scripts spawned as real processes.

import { fileURLToPath } from "node:url";
import { ProcessError, startProcess } from "@seedance/testkit";

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
