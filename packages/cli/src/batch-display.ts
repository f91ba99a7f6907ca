// What `seedance batch` shows while it runs: one live line on a terminal (counts per state,
// throughput, the rate-limit hold, the ETA), rewritten in place; plain lines when stderr is not a
// terminal. Finished items are printed on stdout (a line each, or a JSON line with --json).
import type { Writable } from "node:stream";
import type { BatchProgress } from "@seedance/jobs";
import { sanitizeServerText } from "@seedance/node";

export interface BatchDisplay {
  progress(progress: BatchProgress): void;
  /** Runs `write` (a line for an item) with the live line cleared first and drawn again after. */
  above(write: () => void): void;
  stop(): void;
}

const seconds = (ms: number) => {
  const total = Math.ceil(ms / 1000);
  return total >= 60 ? `${Math.floor(total / 60)}m${String(total % 60).padStart(2, "0")}s` : `${total}s`;
};

/** `done 120/200  failed 2  running 5 … | 4.2/s | hold 12s | ETA 1m20s` */
export function progressLine({ total, states, throughput, holdMs, etaMs }: BatchProgress): string {
  const done = states.done + states.skipped;
  const counts = [`done ${done}/${total}`];
  for (const state of ["failed", "keyed", "running", "downloading"] as const) {
    if (states[state] > 0) counts.push(`${state} ${states[state]}`);
  }
  const parts = [counts.join("  "), `${throughput.toFixed(1)}/s`];
  if (holdMs > 0) parts.push(`rate-limit hold ${seconds(holdMs)}`);
  if (etaMs !== undefined) parts.push(`ETA ${seconds(etaMs)}`);
  return parts.join(" | ");
}

/** Plain lines are written at most this often, and at every tenth of the batch. */
const PLAIN_EVERY_MS = 5000;
const LIVE_EVERY_MS = 100;

export function createBatchDisplay(stream: Writable & { isTTY?: boolean }, quiet: boolean): BatchDisplay {
  if (quiet) return { progress: () => {}, above: (write) => write(), stop: () => {} };
  let latest: BatchProgress | undefined;
  let lastWrite = 0;
  let lastTenth = -1;
  if (!stream.isTTY) {
    return {
      progress(progress) {
        latest = progress;
        const finished = progress.states.done + progress.states.skipped + progress.states.failed;
        const tenth = Math.floor((finished * 10) / Math.max(1, progress.total));
        if (tenth === lastTenth && Date.now() - lastWrite < PLAIN_EVERY_MS) return;
        lastTenth = tenth;
        lastWrite = Date.now();
        stream.write(`${progressLine(progress)}\n`);
      },
      above: (write) => write(),
      stop: () => {},
    };
  }
  const render = () => {
    if (latest) stream.write(`\r\x1b[2K${sanitizeServerText(progressLine(latest))}`);
  };
  // The hold and the ETA move on their own between changes of state.
  const ticker = setInterval(render, 1000);
  ticker.unref();
  let stopped = false;
  return {
    progress(progress) {
      latest = progress;
      if (Date.now() - lastWrite < LIVE_EVERY_MS) return;
      lastWrite = Date.now();
      render();
    },
    above(write) {
      stream.write("\r\x1b[2K");
      write();
      render();
    },
    stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(ticker);
      render();
      if (latest) stream.write("\n");
    },
  };
}
