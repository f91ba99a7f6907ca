// Watches for the examples' log line on receiving a webhook (`console.log("webhook:", event, taskId)`);
// start watching before the task is created, so no delivery can come first. The lines are kept, not printed.
import { onTestFinished, vi } from "vitest";

export function watchWebhookLog(): (event: string, taskId: string) => Promise<void> {
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  onTestFinished(() => log.mockRestore());
  return (event, taskId) =>
    vi.waitFor(
      () => {
        if (!log.mock.calls.some((args) => args[0] === "webhook:" && args[1] === event && args[2] === taskId)) {
          throw new Error(`no ${event} webhook for ${taskId} yet`);
        }
      },
      { timeout: 20_000, interval: 100 },
    );
}

/**
 * Creates a video through the example's proxy, which sets the example's webhook route as
 * `webhook_url` (the browser may not choose it), watching the log first; `completed()` waits for the
 * example to handle the task's `task.completed`.
 */
export async function createVideoWithWebhook(url: string, headers: Record<string, string> = {}) {
  const received = watchWebhookLog();
  const created = await fetch(`${url}/api/seedance/v1/seedance/generate`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ prompt: "Waves", model: "seedance-1.5-pro", duration: 5 }),
  });
  const { data } = (await created.clone().json()) as { data: { task_id: string } };
  return { created, taskId: data.task_id, completed: () => received("task.completed", data.task_id) };
}
