// `seedance status <task_id>`: where a task is now (exit 0 whatever its state).
import type { Context } from "../context.ts";

export async function status(context: Context, taskId: string): Promise<void> {
  const task = await context.client().task.getStatus(taskId, { signal: context.signal });
  context.output.print(task, [
    `${task.taskId}  ${task.status}  ${task.progress}%`,
    ...(task.result ? [`video: ${task.result.videoUrl}`] : []),
    ...(task.errorMessage ? [`error: ${task.errorMessage}`] : []),
  ]);
}
