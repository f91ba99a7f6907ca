// Runs a command to completion and hands back its combined output, failing or not: the release
// checks report a failure in their table instead of stopping at the first one.
import { spawnSync } from "node:child_process";

export interface RunResult {
  ok: boolean;
  output: string;
}

/** The environment without an outer `pnpm run`'s npm_* settings, which would leak into child installs. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(npm|pnpm)_/i.test(name)));
}

export function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): RunResult {
  const result = spawnSync(command, args, {
    cwd,
    env: { ...cleanEnv(), ...env },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    // Nothing may hang a release: each step has five minutes.
    timeout: 300_000,
    killSignal: "SIGKILL",
  });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}${result.error ? String(result.error) : ""}`;
  return { ok: result.status === 0, output };
}

/** As `run`, but a failure is an error: for the steps every later check depends on. */
export function runOrThrow(command: string, args: readonly string[], cwd: string, env?: NodeJS.ProcessEnv): string {
  const { ok, output } = run(command, args, cwd, env);
  if (!ok) throw new Error(`${command} ${args.join(" ")} failed in ${cwd}:\n${output}`);
  return output;
}
