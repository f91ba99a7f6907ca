// `seedance status <task_id>`: where a task is now (exit 0 whatever its state); with --wait, where
// it ended, after following it.
import type { TaskStatus } from "@seedance/node";
import type { Context } from "../context.ts";
import { follow } from "../follow.ts";
import { statusLine } from "../progress.ts";

export async function status(context: Context, taskId: string, { wait }: { wait?: boolean }): Promise<void> {
  // With --json, the wait's last progress line is the finished status already.
  if (wait) return context.output.human(lines(await follow(context, taskId)));
  const task = await context.client().task.getStatus(taskId, { signal: context.signal });
  context.output.print(task, lines(task));
}

const lines = (task: TaskStatus): string[] => [
  statusLine(task),
  ...(task.result ? [`video: ${task.result.videoUrl}`] : []),
  ...(task.errorMessage ? [`error: ${task.errorMessage}`] : []),
];
