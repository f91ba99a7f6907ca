// Seedance video generation (asynchronous: answers with a task).
import type { APIPromise } from "../api-promise.js";
import { toSnakeCase } from "../case.js";
import type { GenerateVideoResponse } from "../generated/types.gen.js";
import { generateVideo } from "../generated/validators.gen.js";
import type { CallObserver } from "../instrumentation.js";
import { type ClientContext, callOperation, callStart } from "../operation.js";
import type { RequestOptions } from "../transport/send.js";
import type { FinishedTask, VideoGenerationParams, VideoTask } from "../types.js";
import type { WaitOptions } from "../wait.js";
import type { Task } from "./task.js";

export interface GenerateAndWaitOptions extends WaitOptions {
  /** Called with the task id as soon as the task exists, before waiting: persist it to resume after a crash. */
  onTaskCreated?: (taskId: string) => void | Promise<void>;
  /** Options for the generate request itself. */
  request?: RequestOptions;
}

export class Seedance {
  readonly #context: ClientContext;
  readonly #task: Task;

  constructor(context: ClientContext, task: Task) {
    this.#context = context;
    this.#task = task;
  }

  /** Queues a video and resolves with its task (`taskId`, `estimatedWaitTimeSeconds`). */
  generate(params: VideoGenerationParams, options?: RequestOptions): APIPromise<VideoTask> {
    return this.#generate(toSnakeCase(params), options);
  }

  #generate(body: unknown, options?: RequestOptions, parent?: CallObserver): APIPromise<VideoTask> {
    const task = callOperation<GenerateVideoResponse>(this.#context, generateVideo, { body }, options, parent);
    void task.then(
      (created) => this.#context.estimates.remember(created),
      () => {},
    );
    return task;
  }

  /** Queues a video and waits for it to finish: `generate` then `task.waitForCompletion`. */
  async generateAndWait(params: VideoGenerationParams, options: GenerateAndWaitOptions = {}): Promise<FinishedTask> {
    const { onTaskCreated, request, ...wait } = options;
    const body = toSnakeCase(params);
    const observer = this.#context.instrumentation?.start(callStart("generateAndWait", { body }));
    let taskId: string | undefined;
    try {
      const created = await this.#generate(body, { signal: wait.signal, ...request }, observer);
      taskId = created.taskId;
      await onTaskCreated?.(taskId);
      const finished = await this.#task.waitObserved(taskId, wait, observer);
      observer?.end({ taskId, state: finished.status, videoUrl: finished.result?.videoUrl });
      return finished;
    } catch (error) {
      observer?.end({ error, taskId });
      throw error;
    }
  }
}
