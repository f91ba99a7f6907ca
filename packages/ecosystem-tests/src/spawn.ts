// Runs a runtime to completion and returns what it printed; a failure carries its stderr.
import { execFile } from "node:child_process";

export function run(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
  return new Promise<string>((resolve, reject) => {
    execFile(command, [...args], { ...options, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(" ")} failed: ${error.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

/** The JSON report a consumer project prints on its last line. */
export const lastJson = (stdout: string) => JSON.parse(stdout.trim().split("\n").at(-1) ?? "null");
