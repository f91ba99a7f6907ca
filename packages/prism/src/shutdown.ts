// Long-running hosts (the sandbox, the mock, the demo) must not outlive whoever started them.
// `kill <pid>` of `pnpm sandbox` signals pnpm alone: pnpm stops its shell, but the shells between
// pnpm and node forward nothing, so node only learns of it by watching. It stops on SIGINT, SIGTERM
// and SIGHUP, when its parent changes, and when its process group's leader (pnpm, when started
// from a shell or a test) is gone.
import { readFileSync } from "node:fs";

const WATCH_MS = 500;

/** The process group of this process (Linux's /proc; elsewhere undefined, and only the parent is watched). */
function processGroup(): number | undefined {
  try {
    // Fields after the parenthesised command name: state, ppid, pgrp, …
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]?.split(" ");
    return Number(fields?.[2]) || undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Calls `handler` once when this process is told to stop (SIGINT, SIGTERM, SIGHUP) or is left behind. */
export function onShutdown(handler: () => void): void {
  const parent = process.ppid;
  const group = processGroup();
  // A leader already gone at start (a detached launcher) is not a reason to stop.
  const leader = group !== undefined && group !== process.pid && isAlive(group) ? group : undefined;
  let called = false;
  const once = () => {
    if (called) return;
    called = true;
    handler();
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.once(signal, once);
  setInterval(() => {
    if (process.ppid !== parent || (leader !== undefined && !isAlive(leader))) once();
  }, WATCH_MS).unref();
}

/** Stops a server, then exits, on shutdown (see `onShutdown`). */
export const stopOnShutdown = (stop: () => Promise<void>): void =>
  onShutdown(() => void stop().finally(() => process.exit(0)));

/**
 * Node's `--import` for a child that must exit when its parent does (Prism: when the host is killed
 * with SIGKILL, nothing else would stop it).
 */
export const exitWithParent = `data:text/javascript,${encodeURIComponent(
  `const parent = process.ppid; setInterval(() => { if (process.ppid !== parent) process.exit(0); }, ${WATCH_MS}).unref();`,
)}`;
