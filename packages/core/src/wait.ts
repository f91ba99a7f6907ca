// Waiting for a task: the first poll when the server expects the task to be done, then adaptive
// polling (backoff with jitter, never faster than pollInterval), woken early by webhooks. When
// someone shows the progress (onProgress, watch), polls are spread across the estimate instead, so
// that what they show is what the server reports as the task moves.
import { AbortError, APITimeoutError, SeedanceError, WaitTimeoutError } from "./errors.js";
import type { FinishedTask, TaskStatus } from "./types.js";

/** Something that tells about task events as they arrive, e.g. from a webhook receiver. */
export interface TaskEventSource {
  /** Calls `listener` for each event about `taskId` until the returned function is called. */
  subscribe(taskId: string, listener: (event: { event: string; data: { taskId: string } }) => void): () => void;
}

export interface WaitOptions {
  /** Give up after this many milliseconds (default 300000, the API's advice of 5 minutes). */
  maxWaitTime?: number;
  /** The shortest gap between two polls, in milliseconds (default 2000). */
  pollInterval?: number;
  /**
   * Called when the status or progress changes. Asking for it spreads the polls across the server's
   * estimate (a fifth of it apart, never closer than `pollInterval`, never further than 15 s), so that
   * progress shows as the task moves; without it, the first poll waits for the whole estimate.
   */
  onProgress?: (status: TaskStatus) => void;
  signal?: AbortSignal;
  /**
   * Webhook events for the task: a terminal event triggers the final poll at once, and polling
   * becomes a slow fallback (every 30 s at most), so an app with webhooks spends almost no requests.
   */
  webhook?: TaskEventSource;
}

export interface WatchPlan extends WaitOptions {
  taskId: string;
  /** Milliseconds until the server expects the task to be done, when known. */
  expectedIn?: number | undefined;
  /** Someone shows each status (onProgress, watch): poll across the estimate, not once at its end. */
  watched?: boolean;
  /** Fetches the status; `timeout` is what is left of the wait. */
  poll: (timeout: number, signal: AbortSignal | undefined) => Promise<TaskStatus>;
}

const DEFAULT_MAX_WAIT = 300_000;
const DEFAULT_POLL_INTERVAL = 2000;
const BACKOFF_FACTOR = 1.5;
const MAX_POLL_GAP = 15_000;
/** How many polls a watched wait spreads across the server's estimate. */
const POLLS_PER_ESTIMATE = 5;
const WEBHOOK_FALLBACK_GAP = 30_000;
const TERMINAL = new Set(["completed", "failed"]);

export const isFinished = (status: TaskStatus): boolean => TERMINAL.has(status.status);

/** Yields the task's status each time it changes; the last one yielded is terminal. */
export async function* watchTask(plan: WatchPlan): AsyncGenerator<TaskStatus, void, undefined> {
  const { taskId, signal, webhook } = plan;
  const maxWait = plan.maxWaitTime ?? DEFAULT_MAX_WAIT;
  const floor = plan.pollInterval ?? DEFAULT_POLL_INTERVAL;
  const deadline = Date.now() + maxWait;
  const maxGap = Math.max(floor, MAX_POLL_GAP);
  let gap = webhook ? Math.max(floor, WEBHOOK_FALLBACK_GAP) : floor;
  const expected = plan.expectedIn ?? 0;
  const doneAt = Date.now() + expected;
  // Watched, the estimate is walked in steps; after it (or unwatched) the backoff takes over.
  const step = plan.watched && expected ? Math.min(maxGap, Math.max(floor, expected / POLLS_PER_ESTIMATE)) : 0;
  let delay = step || expected;
  let last: TaskStatus | undefined;
  // A terminal webhook event ends the pause under way, or the next one if it arrives during a poll.
  let wake: (() => void) | undefined;
  let woken = false;
  const unsubscribe = webhook?.subscribe(taskId, ({ event }) => {
    if (event !== "task.completed" && event !== "task.failed") return;
    if (wake) wake();
    else woken = true;
  });
  const pause = (ms: number) =>
    new Promise<void>((resolve, reject) => {
      const aborted = () => new AbortError("Waiting for the task was aborted by its signal.");
      if (signal?.aborted) return reject(aborted());
      if (ms <= 0) return resolve();
      const settle = (error?: Error) => {
        clearTimeout(timer);
        wake = undefined;
        signal?.removeEventListener("abort", onAbort);
        if (error) reject(error);
        else resolve();
      };
      const onAbort = () => settle(aborted());
      const timer = setTimeout(settle, ms);
      signal?.addEventListener("abort", onAbort, { once: true });
      wake = () => settle();
      if (woken) {
        woken = false;
        settle();
      }
    });
  try {
    for (;;) {
      await pause(Math.min(delay, deadline - Date.now()));
      const status = await plan.poll(Math.max(1, deadline - Date.now()), signal).catch((error: unknown) => {
        // A poll cut short by the end of the wait is the wait timing out, not the API.
        throw error instanceof APITimeoutError && Date.now() >= deadline
          ? new WaitTimeoutError(taskId, maxWait, last)
          : error;
      });
      if (!last || status.status !== last.status || status.progress !== last.progress) yield status;
      last = status;
      if (isFinished(status)) return;
      if (Date.now() >= deadline) throw new WaitTimeoutError(taskId, maxWait, last);
      // Unknown (newer) statuses are treated as still running: same backoff, never a hot loop.
      const jitter = 1 + Math.random() * 0.25;
      const left = doneAt - Date.now();
      // The walk's last step lands on the estimate rather than past it.
      if (step && left > 0) delay = Math.max(floor, Math.min(step * jitter, left));
      else {
        delay = gap * jitter;
        gap = Math.min(maxGap, gap * BACKOFF_FACTOR);
      }
    }
  } finally {
    unsubscribe?.();
  }
}

/** Resolves with the finished task, calling `onProgress` on every change on the way. */
export async function waitForTask(plan: WatchPlan): Promise<FinishedTask> {
  let finished: TaskStatus | undefined;
  for await (const status of watchTask(plan)) {
    plan.onProgress?.(status);
    finished = status;
  }
  return toFinishedTask(finished as TaskStatus);
}

function toFinishedTask(status: TaskStatus): FinishedTask {
  if (status.status === "failed") return { ...status, status: "failed", errorMessage: status.errorMessage ?? "" };
  if (!status.result?.videoUrl) {
    throw new SeedanceError(`Task ${status.taskId} completed without a result.videoUrl; fetch it with task.getResult.`);
  }
  return { ...status, status: "completed", result: status.result, videoUrl: status.result.videoUrl };
}
