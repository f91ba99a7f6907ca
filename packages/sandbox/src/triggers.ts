// Prompts can ask for failures, so clients can test their error paths deterministically.
import type { ApiError } from "./http.ts";

export const TRIGGERS = {
  /** A video task fails at 30% with an error message (`task.failed`). */
  fail: "[fail]",
  /** Answers 500 INTERNAL_ERROR, every time. */
  error: "[error]",
  /** Answers 503 SERVICE_UNAVAILABLE (Retry-After: 1) the first time per key and prompt; a retry succeeds. */
  busy: "[busy]",
} as const;

export const FAILURE_MESSAGE = `Simulated failure: the prompt asked for it with ${TRIGGERS.fail}`;

export class Triggers {
  readonly #busySeen = new Set<string>();

  /** The error a generation request's prompt asks for, if any. */
  errorFor(apiKey: string, prompt: string): ApiError | undefined {
    if (prompt.includes(TRIGGERS.error)) {
      return { status: 500, code: "INTERNAL_ERROR", message: `An internal error occurred (${TRIGGERS.error} trigger)` };
    }
    const id = JSON.stringify([apiKey, prompt]);
    if (prompt.includes(TRIGGERS.busy) && !this.#busySeen.has(id)) {
      this.#busySeen.add(id);
      const message = `Service temporarily unavailable, retry later (${TRIGGERS.busy} trigger)`;
      return { status: 503, code: "SERVICE_UNAVAILABLE", message, retryAfter: 1 };
    }
    return undefined;
  }

  /** Whether a video task with this prompt should fail. */
  failsTask(prompt: string): boolean {
    return prompt.includes(TRIGGERS.fail);
  }
}
