// Progress of a video task while it is awaited: a live bar on a terminal, a plain line per change
// otherwise, a JSON line per change with `--json`. Shared by the CLI and the `pnpm start` demo.
import type { Writable } from "node:stream";
import { sanitizeServerText, type TaskStatus } from "@seedance/node";
import { SingleBar } from "cli-progress";

export type ProgressStyle = "bar" | "lines" | "json";

export interface TaskProgress {
  /** Reports a status, as `waitForCompletion`'s `onProgress` gives it. */
  update(status: TaskStatus): void;
  /** Ends the bar (call it whatever the outcome, so the terminal is left clean). */
  stop(): void;
}

export interface TaskProgressOptions {
  style: ProgressStyle;
  /** The server's estimate (`estimatedWaitTimeSeconds`), which paces the bar between polls. */
  estimatedSeconds?: number | undefined;
  /** Where the bar and plain lines go (default stderr); JSON lines go to `json` (default stdout). */
  stream?: Writable;
  json?: Writable;
}

/** A bar where the stream is a terminal, plain lines where it is not. */
export const styleFor = (stream: Writable & { isTTY?: boolean }, json = false): ProgressStyle =>
  json ? "json" : stream.isTTY ? "bar" : "lines";

export function createTaskProgress(options: TaskProgressOptions): TaskProgress {
  const stream = options.stream ?? process.stderr;
  if (options.style === "json") {
    const out = options.json ?? process.stdout;
    return { update: (status) => out.write(`${JSON.stringify(status)}\n`), stop: () => {} };
  }
  if (options.style === "lines") {
    return {
      update: (status) => stream.write(sanitizeServerText(`${status.taskId}  ${status.status}  ${status.progress}%\n`)),
      stop: () => {},
    };
  }
  return barProgress(stream, options.estimatedSeconds);
}

// The SDK polls when the server expects the task to be done (and then with backoff), so statuses
// are few. Between them the bar advances with the server's estimate, stopping short of 100%; a
// reported status moves it to at least the reported progress.
function barProgress(stream: Writable, estimatedSeconds: number | undefined): TaskProgress {
  const bar = new SingleBar({
    stream,
    format: "video [{bar}] {percentage}% | {state} | {elapsed}s{estimate}",
    barCompleteChar: "█",
    barIncompleteChar: "░",
    hideCursor: true,
    clearOnComplete: false,
  });
  const started = Date.now();
  const estimate = estimatedSeconds ? ` of ~${estimatedSeconds}s` : "";
  let reported = 0;
  let state = "queued";
  let finished = false;
  const render = () => {
    const elapsed = (Date.now() - started) / 1000;
    const paced = estimatedSeconds && !finished ? Math.min(99, (elapsed / estimatedSeconds) * 100) : 0;
    bar.update(Math.floor(Math.max(reported, paced)), { state, elapsed: Math.round(elapsed), estimate });
  };
  bar.start(100, 0, { state, elapsed: 0, estimate });
  const ticker = setInterval(render, 200);
  return {
    update(status) {
      finished = status.status === "completed" || status.status === "failed";
      reported = status.status === "completed" ? 100 : status.progress;
      state = sanitizeServerText(status.status);
      render();
    },
    stop() {
      clearInterval(ticker);
      render();
      bar.stop();
    },
  };
}
