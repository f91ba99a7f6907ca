// Test helpers: the CLI and the repository's scripts spawned as real processes.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

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
export function runProcess(command: string, args: string[], options: RunOptions = {}) {
  const started = Date.now();
  // Its own process group, so a hung run is killed with everything it started (Prism included).
  const child = spawn(command, args, {
    env: options.env ?? cleanEnv(),
    cwd: options.cwd ?? repositoryRoot,
    detached: true,
  });
  const timeoutMs = options.timeoutMs ?? 120_000;
  const timer = setTimeout(() => {
    child.kill("SIGKILL");
    try {
      process.kill(-(child.pid as number), "SIGKILL");
    } catch {} // already gone
  }, timeoutMs);
  const output = { stdout: "", stderr: "" };
  let interrupted = false;
  for (const name of ["stdout", "stderr"] as const) {
    child[name].on("data", (chunk) => {
      output[name] += chunk;
      if (!interrupted && options.interruptWhen?.test(output.stdout + output.stderr)) {
        interrupted = true;
        child.kill("SIGINT");
      }
    });
  }
  child.stdin.on("error", () => {}); // a child that exits without reading its input
  child.stdin.end(options.input ?? "");
  return new Promise<Run>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      if (signal === "SIGKILL") {
        const last = (output.stdout + output.stderr).slice(-2000);
        reject(new Error(`${command} ${args.join(" ")} did not finish within ${timeoutMs} ms:\n${last}`));
      } else resolve({ code, ...output, elapsed: Date.now() - started });
    });
  });
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
