// `seedance wait <task_id>`: follows a task that already exists (queued by `seedance video`, or
// left by an interrupted wait) to the end, as `video --wait` does, and prints its video URL.
import type { Context } from "../context.ts";
import type { SaveFlags } from "../download.ts";
import { follow } from "../follow.ts";
import { finish } from "./task.ts";

export async function wait(context: Context, taskId: string, flags: SaveFlags): Promise<void> {
  await finish(context, await follow(context, taskId), flags);
}
