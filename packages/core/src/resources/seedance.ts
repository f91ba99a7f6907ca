// Seedance video generation (asynchronous: answers with a task).
import type { APIPromise } from "../api-promise.js";
import { toSnakeCase } from "../case.js";
import type { GenerateVideoResponse } from "../generated/types.gen.js";
import { generateVideo } from "../generated/validators.gen.js";
import type { CallObserver } from "../instrumentation.js";
import { type ClientContext, callOperation, observed } from "../operation.js";
import type { RequestOptions } from "../transport/send.js";
import type { FinishedTask, VideoGenerationParams, VideoTask } from "../types.js";
import type { WaitOptions } from "../wait.js";
import { waitFor } from "./task.js";

export interface GenerateAndWaitOptions extends WaitOptions {
  /** Called with the task id as soon as the task exists, before waiting: persist it to resume after a crash. */
  onTaskCreated?: (taskId: string) => void | Promise<void>;
  /** Options for the generate request itself. */
  request?: RequestOptions;
}

export class Seedance {
  readonly #context: ClientContext;

  constructor(context: ClientContext) {
    this.#context = context;
  }

  /** Queues a video and resolves with its task (`taskId`, `estimatedWaitTimeSeconds`). */
  generate(params: VideoGenerationParams, options?: RequestOptions): APIPromise<VideoTask> {
    return generate(this.#context, toSnakeCase(params), options);
  }

  /** Queues a video and waits for it to finish: `generate` then `task.waitForCompletion`. */
  async generateAndWait(params: VideoGenerationParams, options: GenerateAndWaitOptions = {}): Promise<FinishedTask> {
    const { onTaskCreated, request, ...wait } = options;
    const body = toSnakeCase(params);
    const context = this.#context;
    return observed(context, { operation: "generateAndWait", body }, undefined, async (observer) => {
      const created = await generate(context, body, { signal: wait.signal, ...request }, observer);
      await onTaskCreated?.(created.taskId);
      return waitFor(context, created.taskId, wait, observer);
    });
  }
}

function generate(context: ClientContext, body: unknown, options?: RequestOptions, parent?: CallObserver) {
  const task = callOperation<GenerateVideoResponse>(context, generateVideo, { body }, options, parent);
  void task.then(
    (created) => context.estimates.remember(created),
    () => {},
  );
  return task;
}
