// `seedance result <task_id>`: a finished task's video URL (exit 5 while it is still running).
import type { Context } from "../context.ts";
import type { SaveFlags } from "../download.ts";
import { deliver } from "./task.ts";

export async function result(context: Context, taskId: string, flags: SaveFlags): Promise<void> {
  const client = context.client();
  const task = await client.task.getResult(taskId, { signal: context.signal });
  context.output.print(task, task.result ? [task.result.videoUrl] : []);
  await deliver(context, client, task, flags);
}
