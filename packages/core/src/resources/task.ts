// Status, final result and waiting for asynchronous tasks.
import type { APIPromise } from "../api-promise.js";
import type { GetTaskResultResponse, GetTaskStatusResponse } from "../generated/types.gen.js";
import { getTaskResult, getTaskStatus } from "../generated/validators.gen.js";
import type { CallObserver } from "../instrumentation.js";
import { type ClientContext, callOperation, observed } from "../operation.js";
import type { RequestOptions } from "../transport/send.js";
import type { FinishedTask, TaskResult, TaskStatus } from "../types.js";
import { type WaitOptions, type WatchPlan, waitForTask, watchTask } from "../wait.js";

export class Task {
  readonly #context: ClientContext;

  constructor(context: ClientContext) {
    this.#context = context;
  }

  /** The task's current status and progress (`result.videoUrl` once completed). */
  getStatus(taskId: string, options?: RequestOptions): APIPromise<TaskStatus> {
    return statusOf(this.#context, taskId, options);
  }

  /** The final outcome of a finished task; a `ConflictError` (409) while it is still running. */
  getResult(taskId: string, options?: RequestOptions): APIPromise<TaskResult> {
    const path = { task_id: taskId };
    return callOperation<GetTaskResultResponse>(this.#context, getTaskResult, { path }, options);
  }

  /**
   * Resolves when the task finishes: `{ status: "completed", videoUrl }` or `{ status: "failed", errorMessage }`.
   * Throws `WaitTimeoutError` after `maxWaitTime`.
   */
  waitForCompletion(taskId: string, options: WaitOptions = {}): Promise<FinishedTask> {
    return waitFor(this.#context, taskId, options);
  }

  /** The task's status each time it changes, ending with the terminal one (polled as for `onProgress`). */
  watch(taskId: string, options: WaitOptions = {}): AsyncGenerator<TaskStatus, void, undefined> {
    return watchTask(plan(this.#context, taskId, options, true));
  }
}

const statusOf = (context: ClientContext, taskId: string, options?: RequestOptions, parent?: CallObserver) =>
  callOperation<GetTaskStatusResponse>(context, getTaskStatus, { path: { task_id: taskId } }, options, parent);

/** `waitForCompletion`, observed as part of `parent` (generateAndWait's call) when there is one. */
export const waitFor = (context: ClientContext, taskId: string, options: WaitOptions, parent?: CallObserver) =>
  observed(context, { operation: "waitForCompletion", taskId }, parent, (observer) =>
    waitForTask(plan(context, taskId, options, !!options.onProgress, observer)),
  );

/** How a wait polls; each poll is a call of the wait (`observer`), which is told every status. */
function plan(
  context: ClientContext,
  taskId: string,
  options: WaitOptions,
  watched: boolean,
  observer?: CallObserver,
): WatchPlan {
  return {
    ...options,
    taskId,
    watched,
    expectedIn: context.estimates.expectedIn(taskId),
    poll: async (timeout, signal) => {
      const status = await statusOf(context, taskId, { timeout, signal }, observer);
      observer?.poll(status);
      return status;
    },
  };
}
