// Child Node processes: every measurement that must not share a process with another runs in one.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";

/** Runs `node ...args` to completion and returns its last stdout line parsed as JSON. */
export async function runNode<T>(args: readonly string[]): Promise<T> {
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  const [stdout, stderr] = [collect(child, "stdout"), collect(child, "stderr")];
  const [code] = await once(child, "exit");
  if (code !== 0) throw new Error(lastLine(await stderr) || `exited with ${code}`);
  return JSON.parse(lastLine(await stdout)) as T;
}

/** Wall-clock milliseconds from spawning `node ...args` to its exit. */
export async function timeNode(args: readonly string[]): Promise<number> {
  const start = performance.now();
  const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
  const stderr = collect(child, "stderr");
  const [code] = await once(child, "exit");
  if (code !== 0) throw new Error(lastLine(await stderr) || `exited with ${code}`);
  return performance.now() - start;
}

/** Starts a long-running `node ...args` and resolves with its first stdout line (JSON) once printed. */
export async function startNode<T>(args: readonly string[]): Promise<{ ready: T; stop: () => void }> {
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
  child.stdout.setEncoding("utf8");
  const [chunk] = await Promise.race([once(child.stdout, "data"), once(child, "exit")]);
  if (typeof chunk !== "string") throw new Error(`node ${args.join(" ")} exited before it was ready`);
  return { ready: JSON.parse(chunk.split("\n")[0] ?? "") as T, stop: () => child.kill() };
}

async function collect(child: ChildProcess, stream: "stdout" | "stderr"): Promise<string> {
  let text = "";
  for await (const chunk of child[stream] ?? []) text += chunk;
  return text;
}

const lastLine = (text: string) => text.trim().split("\n").at(-1) ?? "";
