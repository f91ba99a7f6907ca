// `seedance video "<prompt>"`: queues a Seedance video and prints its task id; with --wait (or
// --out) follows it to the end and prints the video URL. Notes go to stderr, so that
// `T=$(seedance video …)` holds the task id alone.
import type { VideoGenerationParams } from "@seedance/node";
import type { Context } from "../context.ts";
import type { SaveFlags } from "../download.ts";
import { follow } from "../follow.ts";
import { finish } from "./task.ts";

export type VideoFlags = Omit<VideoGenerationParams, "prompt"> & SaveFlags & { wait?: boolean };

export async function video(
  context: Context,
  prompt: string,
  { wait, out, overwrite, ...params }: VideoFlags,
): Promise<void> {
  const task = await context.client().seedance.generate({ prompt, ...params }, { signal: context.signal });
  const eta = task.estimatedWaitTimeSeconds === undefined ? "" : ` (about ${task.estimatedWaitTimeSeconds}s)`;
  if (!wait && !out) {
    context.output.print(task, [task.taskId]);
    context.output.note(`${task.status}${eta}; wait for it with: ${context.resumeCommand(task.taskId)}`);
    return;
  }
  context.output.print(task, []);
  context.output.note(`task ${task.taskId} ${task.status}${eta}`);
  const finished = await follow(context, task.taskId, {
    estimatedSeconds: task.estimatedWaitTimeSeconds,
    initial: task,
  });
  await finish(context, finished, { out, overwrite });
}
