// Test helpers: `seedance-contract` and the repository's scripts spawned as real processes.
import { fileURLToPath } from "node:url";
import { type Finished, ProcessError, startProcess } from "@seedance/testkit";

export const repositoryRoot = fileURLToPath(new URL("../../..", import.meta.url));
const bin = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

/** The environment without the user's Seedance settings, plus `env`. */
export function cleanEnv(env: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { SEEDANCE_API_KEY: _key, SEEDANCE_BASE_URL: _url, ...rest } = process.env;
  return { ...rest, ...env };
}

/** Runs `node <args>` in the repository's root to its end; a non-zero exit is a result, only the time limit fails. */
export async function runNode(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<Finished> {
  const child = startProcess(process.execPath, args, {
    cwd: repositoryRoot,
    env: options.env ?? cleanEnv(),
    timeoutMs: options.timeoutMs,
  });
  return child.finished.catch((error: unknown) => {
    if (error instanceof ProcessError && error.result.signal !== "SIGKILL") return error.result;
    throw error;
  });
}

/** `seedance-contract <args>` with `apiKey` in the environment. */
export const runContractBin = (args: string[], options: { apiKey?: string; timeoutMs: number }) =>
  runNode([bin, ...args], {
    env: cleanEnv(options.apiKey ? { SEEDANCE_API_KEY: options.apiKey } : {}),
    timeoutMs: options.timeoutMs,
  });

/** The JSON lines of a `--json` run. */
export const jsonLines = (stdout: string): any[] =>
  stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
