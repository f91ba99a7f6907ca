// Child processes that cannot outlive their test: each runs in its own process group under a time
// limit, and the whole group is killed when the limit passes, when the caller stops it, or when the
// test process exits. A failure names the command and ends with its last output lines.
import { type ChildProcess, spawn } from "node:child_process";

export interface ProcessOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Written to stdin, which is then closed. */
  input?: string;
  /** The whole process group is killed after this long (default 60 s). */
  timeoutMs?: number;
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export class ProcessError extends Error {
  override name = "ProcessError";
  constructor(
    readonly command: string,
    what: string,
    readonly result: Finished,
  ) {
    super(`\`${command}\` ${what}; its last output:\n${lastLines(result.stdout + result.stderr)}`);
  }
}

const TAIL_LINES = 25;
const lastLines = (text: string) => text.trimEnd().split("\n").slice(-TAIL_LINES).join("\n") || "(none)";
const describe = (command: string, args: readonly string[]) => [command, ...args].join(" ");

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Signals the child's whole group, which may outlive the child itself. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): boolean {
  if (child.pid === undefined) return false;
  try {
    process.kill(-child.pid, signal);
    return true;
  } catch {
    return false; // the group is gone
  }
}

function track(child: ChildProcess): void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once("exit", () => {
      for (const each of live) signalGroup(each, "SIGKILL");
    });
  }
  live.add(child);
  child.once("close", () => live.delete(child));
}

export interface Started {
  child: ChildProcess;
  /** What it printed so far. */
  output(): { stdout: string; stderr: string };
  /** Resolves when it ends on its own; rejects with a ProcessError on a non-zero exit or the time limit. */
  finished: Promise<Finished>;
  /** Resolves with the match once stdout or stderr matches, rejects if it ends or times out first. */
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>;
  /** SIGTERM to the group, SIGKILL after `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
}

/** Starts `command` in a new process group under a time limit (for servers, or anything to watch). */
export function startProcess(command: string, args: readonly string[], options: ProcessOptions = {}): Started {
  const text = describe(command, args);
  const timeoutMs = options.timeoutMs ?? 60_000;
  const child = spawn(command, [...args], {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ["pipe", "pipe", "pipe"],
  });
  track(child);
  const out = { stdout: "", stderr: "" };
  const watchers = new Set<() => void>();
  for (const name of ["stdout", "stderr"] as const) {
    child[name]?.setEncoding("utf8");
    child[name]?.on("data", (chunk: string) => {
      out[name] += chunk;
      for (const watcher of watchers) watcher();
    });
  }
  child.stdin?.on("error", () => {});
  child.stdin?.end(options.input ?? "");

  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    signalGroup(child, "SIGKILL");
  }, timeoutMs);
  timer.unref();

  const finished = new Promise<Finished>((resolve, reject) => {
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(new ProcessError(text, `could not start (${error.message})`, { code: null, signal: null, ...out }));
    });
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      const result = { code, signal, ...out };
      if (timedOut) reject(new ProcessError(text, `was killed after its ${timeoutMs / 1000} s time limit`, result));
      else if (code !== 0) reject(new ProcessError(text, `exited with ${code ?? signal}`, result));
      else resolve(result);
    });
  });
  finished.catch(() => {});

  return {
    child,
    output: () => ({ ...out }),
    finished,
    waitFor(pattern) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = (out.stdout + out.stderr).match(pattern);
          if (!match) return;
          watchers.delete(check);
          resolve(match);
        };
        watchers.add(check);
        check();
        const ended = () => {
          watchers.delete(check);
          reject(
            new ProcessError(text, `ended before printing ${pattern}`, {
              code: child.exitCode,
              signal: child.signalCode,
              ...out,
            }),
          );
        };
        finished.then(ended, ended);
      });
    },
    async stop(graceMs = 3000) {
      const running = child.exitCode === null && child.signalCode === null;
      if (!running) {
        signalGroup(child, "SIGKILL"); // whatever it left behind in its group
        return;
      }
      const closed = new Promise((resolve) => child.once("close", resolve));
      if (!signalGroup(child, "SIGTERM")) return;
      const force = setTimeout(() => signalGroup(child, "SIGKILL"), graceMs);
      await closed;
      clearTimeout(force);
      signalGroup(child, "SIGKILL");
    },
  };
}

/** Runs `command` to its end under a time limit; rejects with a ProcessError that shows its output. */
export function runProcess(command: string, args: readonly string[], options: ProcessOptions = {}): Promise<Finished> {
  return startProcess(command, args, options).finished;
}
