// When the server expects each recently created task to finish, so that waiting for one starts
// with the first useful poll instead of a burst of early ones (or, watched, spreads its polls across
// that time).
import type { VideoTask } from "./types.js";

/** How many recently created tasks to remember. */
const CAPACITY = 256;

export class TaskEstimates {
  readonly #doneAt = new Map<string, number>();

  remember(task: VideoTask): void {
    if (task.estimatedWaitTimeSeconds === undefined) return;
    if (this.#doneAt.size >= CAPACITY) this.#doneAt.delete(this.#doneAt.keys().next().value as string);
    this.#doneAt.set(task.taskId, Date.now() + task.estimatedWaitTimeSeconds * 1000);
  }

  /** Milliseconds until the task is expected to be done, or undefined for a task this client did not create. */
  expectedIn(taskId: string): number | undefined {
    const doneAt = this.#doneAt.get(taskId);
    return doneAt === undefined ? undefined : Math.max(0, doneAt - Date.now());
  }
}
