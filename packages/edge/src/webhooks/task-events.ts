// Connects a webhook receiver to waiting code: `onEvent: (event) => events.publish(event)` on one
// side, `client.task.waitForCompletion(id, { webhook: events })` on the other.
import type { TaskEventSource, WebhookEvent } from "@seedance/core";

/** Called with each event published for the task it subscribed to. */
export type TaskEventListener = (event: WebhookEvent) => void;

/** A `TaskEventSource` fed by `publish`, for `waitForCompletion`'s `webhook` option. */
export interface TaskEvents extends TaskEventSource {
  /** Calls the listeners subscribed to the event's task. */
  publish(event: WebhookEvent): void;
  subscribe(taskId: string, listener: TaskEventListener): () => void;
}

/** Events for tasks nobody is waiting for are dropped; a wait that starts later polls the status anyway. */
export function createTaskEvents(): TaskEvents {
  const listeners = new Map<string, Set<TaskEventListener>>();
  return {
    publish(event) {
      // A copy, so a listener that unsubscribes while being called does not skip the next one.
      for (const listener of [...(listeners.get(event.data.taskId) ?? [])]) listener(event);
    },
    subscribe(taskId, listener) {
      const forTask = listeners.get(taskId) ?? new Set();
      listeners.set(taskId, forTask.add(listener));
      return () => {
        forTask.delete(listener);
        if (forTask.size === 0 && listeners.get(taskId) === forTask) listeners.delete(taskId);
      };
    },
  };
}
