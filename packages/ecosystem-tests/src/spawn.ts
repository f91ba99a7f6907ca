// Runs a runtime to completion and returns what it printed; a failure carries its output.
import { runProcess } from "@seedance/testkit";

export async function run(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
  return (await runProcess(command, args, { ...options, timeoutMs: 60_000 })).stdout;
}

/** The JSON report a consumer project prints on its last line. */
export const lastJson = (stdout: string) => JSON.parse(stdout.trim().split("\n").at(-1) ?? "null");
