// `seedance result <task_id>`: a finished task's video URL (exit 5 while it is still running, unless
// --wait follows it to the end first).
import type { Context } from "../context.ts";
import type { SaveFlags } from "../download.ts";
import { follow } from "../follow.ts";
import { deliver } from "./task.ts";

export async function result(
  context: Context,
  taskId: string,
  { wait, ...save }: SaveFlags & { wait?: boolean },
): Promise<void> {
  if (wait) await follow(context, taskId);
  const client = context.client();
  const task = await client.task.getResult(taskId, { signal: context.signal });
  context.output.print(task, task.result ? [task.result.videoUrl] : []);
  await deliver(context, client, task, save);
}
