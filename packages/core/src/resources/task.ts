// Status, final result and waiting for asynchronous tasks.
import type { APIPromise } from "../api-promise.js";
import type { GetTaskResultResponse, GetTaskStatusResponse } from "../generated/types.gen.js";
import { getTaskResult, getTaskStatus } from "../generated/validators.gen.js";
import type { CallObserver } from "../instrumentation.js";
import { type ClientContext, callOperation } from "../operation.js";
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
    return this.#getStatus(taskId, options);
  }

  #getStatus(taskId: string, options?: RequestOptions, parent?: CallObserver): APIPromise<TaskStatus> {
    const path = { task_id: taskId };
    return callOperation<GetTaskStatusResponse>(this.#context, getTaskStatus, { path }, options, parent);
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
    return this.waitObserved(taskId, options);
  }

  /** @internal `waitForCompletion` as part of `parent` (generateAndWait's call). */
  async waitObserved(taskId: string, options: WaitOptions, parent?: CallObserver): Promise<FinishedTask> {
    const observer = this.#context.instrumentation?.start({ operation: "waitForCompletion", taskId }, parent);
    const plan = this.#plan(taskId, options, !!options.onProgress);
    if (!observer) return waitForTask(plan);
    try {
      const finished = await waitForTask({
        ...plan,
        poll: async (timeout, signal) => {
          const status = await this.#getStatus(taskId, { timeout, signal }, observer);
          observer.poll(status);
          return status;
        },
      });
      observer.end({ taskId, state: finished.status, videoUrl: finished.result?.videoUrl });
      return finished;
    } catch (error) {
      observer.end({ error, taskId });
      throw error;
    }
  }

  /** The task's status each time it changes, ending with the terminal one (polled as for `onProgress`). */
  watch(taskId: string, options: WaitOptions = {}): AsyncGenerator<TaskStatus, void, undefined> {
    return watchTask(this.#plan(taskId, options, true));
  }

  #plan(taskId: string, options: WaitOptions, watched: boolean): WatchPlan {
    return {
      ...options,
      taskId,
      watched,
      expectedIn: this.#context.estimates.expectedIn(taskId),
      poll: (timeout, signal) => this.getStatus(taskId, { timeout, signal }),
    };
  }
}
