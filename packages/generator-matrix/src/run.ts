// Runs one step of a generator: a child process in its own process group, bounded by a timeout
// and killed with the whole group, failing with its command and its last output.
import { spawn } from "node:child_process";

export interface Step {
  /** Shell command line (bash), as a user would type it. */
  command: string;
  cwd: string;
  timeoutMs: number;
  env?: Record<string, string>;
}

const keep = 6000;

export function run({ command, cwd, timeoutMs, env }: Step): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["-c", command], {
      cwd,
      env: { ...process.env, ...env },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-keep);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    const killGroup = () => {
      try {
        process.kill(-(child.pid as number), "SIGKILL");
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      killGroup();
      reject(
        new Error(`timed out after ${timeoutMs / 1000} s: ${command}\n(in ${cwd})\n--- last output ---\n${output}`),
      );
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`${command}: ${error.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      killGroup(); // anything it left behind in its group
      if (code === 0) resolve(output);
      else reject(new Error(`exit ${code ?? signal}: ${command}\n(in ${cwd})\n--- last output ---\n${output}`));
    });
  });
}
