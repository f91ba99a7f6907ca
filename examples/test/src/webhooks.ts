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
