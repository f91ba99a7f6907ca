// What the task commands share: a finished task's outcome and its video saved to --out.
import type { FinishedTask, SeedanceClient, TaskResult } from "@seedance/node";
import type { Context } from "../context.ts";
import { type SaveFlags, saveAll } from "../download.ts";
import { TaskFailedError } from "../errors.ts";

/** A finished task, as `waitForCompletion` and `getResult` both give it. */
type Finished = Pick<TaskResult, "taskId" | "status" | "result" | "errorMessage">;

/** Throws for a failed task; saves a completed task's video into `out` when given. */
export async function deliver(
  context: Context,
  client: SeedanceClient,
  task: Finished,
  { out, overwrite }: SaveFlags,
): Promise<void> {
  if (task.status === "failed") throw new TaskFailedError(task.taskId, task.errorMessage ?? "no reason given");
  const url = task.result?.videoUrl;
  if (!out || !url) return;
  await saveAll(context, client, [{ url, fallback: `${task.taskId}.mp4` }], { out, overwrite });
}

/** What a wait prints at the end: the video URL (with --json, the last progress line is the finished task already). */
export async function finish(context: Context, task: FinishedTask, flags: SaveFlags): Promise<void> {
  if (task.status === "completed") context.output.human([task.videoUrl]);
  await deliver(context, context.client(), task, flags);
}
