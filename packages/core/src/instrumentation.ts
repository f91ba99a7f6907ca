// The hook tracing and metrics plug into (`@seedance/otel` implements it). Core only calls it: it
// knows no tracing library, and a client without the `instrumentation` option pays one `undefined`
// check per call, attempt and sleep.
import type { RateLimit } from "./transport/rate-limit.js";
import type { TaskStatus } from "./types.js";

/**
 * Told about every logical call as it runs. Its methods must not throw and must return at once: they
 * run on every call's path.
 */
export interface Instrumentation {
  /** A logical call (an operation, a wait, a download) starts; `parent` is the call it is part of. */
  start(call: CallStart, parent?: CallObserver): CallObserver;
}

export interface CallStart {
  /**
   * The spec's operationId (`generateImage`, `generateVideo`, `getTaskStatus`, `getTaskResult`), or
   * `generateAndWait`, `waitForCompletion`, `download`.
   */
  operation: string;
  /** The request body's `model`, when it has one. */
  model?: string | undefined;
  /** The request body's `prompt`: an instrumentation records it only when its user opts in. */
  prompt?: string | undefined;
  /** The API's task the call is about, when known at its start. */
  taskId?: string | undefined;
  /** A download's URL (it may be signed: keep only its host). */
  url?: string | undefined;
}

/** One logical call's events, in order: attempts with holds and retry sleeps between them, polls, the end. */
export interface CallObserver {
  /** An HTTP attempt starts (`resendCount` 0 for the first); call what it returns when it ends. */
  attempt(start: AttemptStart): (end: AttemptEnd) => void;
  /** The call holds `ms` before sending, the rate-limit quota being used up. */
  hold(ms: number): void;
  /** The call sleeps `ms` before retrying after `error`. */
  retry(ms: number, error: Error): void;
  /** A wait polled the task (every poll, changed or not). */
  poll(status: TaskStatus): void;
  /** The call ended: with its error, or with what it learnt (the task, a video URL, bytes written). */
  end(outcome: CallOutcome): void;
}

export interface AttemptStart {
  method: "GET" | "POST";
  url: string;
  resendCount: number;
}

export interface AttemptEnd {
  /** The response's status, when there was a response. */
  status?: number | undefined;
  rateLimit?: RateLimit | undefined;
  error?: Error | undefined;
}

export interface CallOutcome {
  error?: unknown;
  taskId?: string | undefined;
  /** A task's final state. */
  state?: string | undefined;
  videoUrl?: string | undefined;
  /** Bytes a download wrote. */
  bytes?: number | undefined;
}
