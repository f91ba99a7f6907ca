// Waiting for a task in the foreground, for every command that waits (`video --wait`, `wait`,
// `status --wait`, `result --wait`): progress as the server reports it (a bar on a terminal, lines
// elsewhere, on stderr; JSON lines on stdout with --json), and when the wait ends before the task
// does (Ctrl-C, the wait's limit), the command that picks it up again.
import { AbortError, type FinishedTask, WaitTimeoutError } from "@seedance/node";
import type { Context } from "./context.ts";
import { WaitEndedError } from "./errors.ts";
import { createTaskProgress, styleFor, type TaskProgressOptions } from "./progress.ts";

export type FollowOptions = Pick<TaskProgressOptions, "estimatedSeconds" | "initial">;

export async function follow(context: Context, taskId: string, options: FollowOptions = {}): Promise<FinishedTask> {
  const progress = createTaskProgress({ ...options, style: styleFor(process.stderr, context.output.json) });
  try {
    return await context.client().task.waitForCompletion(taskId, {
      onProgress: (status) => progress.update(status),
      signal: context.signal,
    });
  } catch (error) {
    const interrupted = error instanceof AbortError && context.signal.aborted;
    if (interrupted || error instanceof WaitTimeoutError)
      throw new WaitEndedError(taskId, context.resumeCommand(taskId), interrupted);
    throw error;
  } finally {
    progress.stop();
  }
}
