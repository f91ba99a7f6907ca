// Video tasks: queued → processing (progress in tenths) → completed, or failed at 30% when the
// prompt asks for it. Timers move each task on and report every change as a webhook event.
import { randomUUID } from "node:crypto";
import type {
  TaskCompletedEvent,
  TaskFailedEvent,
  TaskProgressEvent,
  TaskResult,
  TaskState,
  TaskStatus,
  VideoGenerationRequest,
  VideoResult,
} from "@seedance/core/api";
import type { ApiError } from "./http.ts";

export type TaskEvent = TaskProgressEvent | TaskCompletedEvent | TaskFailedEvent;

export interface Task {
  readonly id: string;
  readonly apiKey: string;
  readonly request: VideoGenerationRequest;
  /** Why the task will fail, when its prompt asked for a failure. */
  readonly failure: string | undefined;
  readonly createdAt: Date;
  status: TaskState;
  progress: number;
  updatedAt: Date;
  result?: VideoResult;
}

export interface TaskStoreOptions {
  /** Time from queued to completed. */
  durationMs: number;
  /** Makes the video of a task that has just completed. */
  render(task: Task): VideoResult;
  onEvent(task: Task, event: TaskEvent): void;
}

const STEPS = 10;
const FAILURE_STEP = 3;

export class TaskStore {
  readonly #tasks = new Map<string, Task>();
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #options: TaskStoreOptions;

  constructor(options: TaskStoreOptions) {
    this.#options = options;
  }

  /** Seconds a new task takes, rounded up: an honest `estimated_wait_time_seconds`. */
  get estimatedSeconds(): number {
    return Math.ceil(this.#options.durationMs / 1000);
  }

  create(apiKey: string, request: VideoGenerationRequest, failure?: string): Task {
    const now = new Date();
    const id = `task-${randomUUID()}`;
    const task: Task = { id, apiKey, request, failure, createdAt: now, updatedAt: now, status: "queued", progress: 0 };
    this.#tasks.set(id, task);
    this.#schedule(task, 1);
    return task;
  }

  /** The task, if it exists and belongs to this API key. */
  get(apiKey: string, id: string): Task | undefined {
    const task = this.#tasks.get(id);
    return task?.apiKey === apiKey ? task : undefined;
  }

  stop(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  #schedule(task: Task, step: number): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      this.#advance(task, step);
    }, this.#options.durationMs / STEPS);
    this.#timers.add(timer);
  }

  #advance(task: Task, step: number): void {
    task.updatedAt = new Date();
    task.progress = (step * 100) / STEPS;
    if (task.failure !== undefined && step === FAILURE_STEP) {
      task.status = "failed";
      this.#options.onEvent(task, { ...eventBase(task), event: "task.failed" });
    } else if (step === STEPS) {
      task.status = "completed";
      task.result = this.#options.render(task);
      this.#options.onEvent(task, { ...eventBase(task), event: "task.completed" });
    } else {
      task.status = "processing";
      this.#options.onEvent(task, { ...eventBase(task), event: "task.progress" });
      this.#schedule(task, step + 1);
    }
  }
}

function eventBase(task: Task): Omit<TaskEvent, "event"> {
  return {
    timestamp: task.updatedAt.toISOString(),
    data: {
      task_id: task.id,
      status: task.status,
      model: task.request.model,
      progress: task.progress,
      ...outcome(task),
    },
  };
}

function outcome(task: Task): Pick<TaskStatus, "result" | "error_message"> {
  if (task.status === "completed") return { result: task.result };
  if (task.status === "failed") return { error_message: task.failure };
  return {};
}

export function statusOf(task: Task): TaskStatus {
  return {
    task_id: task.id,
    status: task.status,
    progress: task.progress,
    created_at: task.createdAt.toISOString(),
    updated_at: task.updatedAt.toISOString(),
    ...outcome(task),
  };
}

/** The final result, or the 409 while the task is still running. */
export function resultOf(task: Task): TaskResult | ApiError {
  if (task.status !== "completed" && task.status !== "failed") {
    const state = task.status === "queued" ? "queued" : `processing (${task.progress}%)`;
    return { status: 409, code: "TASK_NOT_COMPLETED", message: `Task ${task.id} is still ${state}` };
  }
  return { task_id: task.id, status: task.status, completed_at: task.updatedAt.toISOString(), ...outcome(task) };
}
