// `seedance video "<prompt>"`: queues a Seedance video; with --wait (or --out) follows it to the end.
import type { FinishedTask, VideoGenerationParams } from "@seedance/node";
import type { Context } from "../context.ts";
import type { SaveFlags } from "../download.ts";
import { createTaskProgress, styleFor } from "../progress.ts";
import { deliver } from "./task.ts";

export type VideoFlags = Omit<VideoGenerationParams, "prompt"> & SaveFlags & { wait?: boolean };

export async function video(
  context: Context,
  prompt: string,
  { wait, out, overwrite, ...params }: VideoFlags,
): Promise<void> {
  const client = context.client();
  const task = await client.seedance.generate({ prompt, ...params }, { signal: context.signal });
  const eta = task.estimatedWaitTimeSeconds === undefined ? "" : ` (about ${task.estimatedWaitTimeSeconds}s)`;
  if (!wait && !out) {
    context.output.print(task, [`${task.taskId}`, `queued${eta}; follow it with: seedance status ${task.taskId}`]);
    return;
  }
  context.output.print(task, []);
  context.output.note(`task ${task.taskId} queued${eta}`);
  const progress = createTaskProgress({
    style: styleFor(process.stderr, context.output.json),
    estimatedSeconds: task.estimatedWaitTimeSeconds,
  });
  let finished: FinishedTask;
  try {
    finished = await client.task.waitForCompletion(task.taskId, {
      onProgress: (status) => progress.update(status),
      signal: context.signal,
    });
  } finally {
    progress.stop();
  }
  // With --json the last progress line is the finished task already.
  if (finished.status === "completed") context.output.human([finished.videoUrl]);
  await deliver(context, client, finished, { out, overwrite });
}
