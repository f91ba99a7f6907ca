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
  /** The server's estimate (`estimatedWaitTimeSeconds`), shown beside the elapsed time. */
  estimatedSeconds?: number | undefined;
  /** What the server last said before the wait began, e.g. the created task's `queued`. */
  initial?: { status: string; progress?: number | undefined } | undefined;
  /** Where the bar and plain lines go (default stderr); JSON lines go to `json` (default stdout). */
  stream?: Writable;
  json?: Writable;
}

/** A bar where the stream is a terminal, plain lines where it is not. */
export const styleFor = (stream: Writable & { isTTY?: boolean }, json = false): ProgressStyle =>
  json ? "json" : stream.isTTY ? "bar" : "lines";

/** `task-…  processing  40%`: a status as the plain lines and `seedance status` print it. */
export const statusLine = (status: Pick<TaskStatus, "taskId" | "status" | "progress">): string =>
  sanitizeServerText(`${status.taskId}  ${status.status}  ${status.progress}%`);

export function createTaskProgress(options: TaskProgressOptions): TaskProgress {
  const stream = options.stream ?? process.stderr;
  if (options.style === "json") {
    const out = options.json ?? process.stdout;
    return { update: (status) => out.write(`${JSON.stringify(status)}\n`), stop: () => {} };
  }
  if (options.style === "lines") {
    return { update: (status) => stream.write(`${statusLine(status)}\n`), stop: () => {} };
  }
  return barProgress(stream, options);
}

// The bar shows what the server last reported, state and progress, as it named them: the wait polls
// often enough while someone watches (see core's wait.ts) that nothing is made up between polls.
// Only the elapsed time moves on its own.
function barProgress(stream: Writable, options: TaskProgressOptions): TaskProgress {
  const bar = new SingleBar({
    stream,
    format: "video [{bar}] {percentage}% | {state} | {elapsed}s{estimate}",
    barCompleteChar: "█",
    barIncompleteChar: "░",
    hideCursor: true,
    clearOnComplete: false,
  });
  const started = Date.now();
  const estimate = options.estimatedSeconds ? ` of ~${options.estimatedSeconds}s` : "";
  let progress = options.initial?.progress ?? 0;
  // Before the first status of a task this run did not create, nothing is known yet.
  let state = sanitizeServerText(options.initial?.status ?? "checking");
  const render = () => bar.update(progress, { state, elapsed: Math.round((Date.now() - started) / 1000), estimate });
  bar.start(100, progress, { state, elapsed: 0, estimate });
  const ticker = setInterval(render, 200);
  return {
    update(status) {
      progress = status.status === "completed" ? 100 : status.progress;
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
