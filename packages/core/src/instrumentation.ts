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
  /**
   * The request's JSON body as sent (snake_case), e.g. its `model`. It holds the prompt: an
   * instrumentation records that only when its user opts in.
   */
  body?: unknown;
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
  /** The call ended, with its error or its result. */
  end(outcome: CallOutcome): void;
}

export interface AttemptStart {
  method: "GET" | "POST";
  url: string;
  resendCount: number;
}

/**
 * How an attempt ended: its result (`response.status`, `rateLimit`), or its error (an `APIError` has
 * `status` and `rateLimit`; a connection error neither).
 */
export interface AttemptEnd {
  response?: { status: number };
  status?: number;
  rateLimit?: RateLimit | undefined;
}

/**
 * How a call ended: its error, or what it resolved with: an operation's `WithResponse` (its `data`:
 * the task, the status, the images), a wait's finished task, a download's `{ bytes }`.
 */
export interface CallOutcome {
  error?: unknown;
  result?: unknown;
}
