// End to end: the sandbox sends signed webhooks (with retries) to a receiver built with the Node
// middleware, whose events resolve waitForCompletion; polling is only the fallback.
import { startSandbox } from "@seedance/sandbox";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTaskEvents, createWebhookMiddleware, SeedanceClient, type WebhookEvent } from "../../src/index.js";
import { serve } from "./serve.ts";

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
beforeAll(async () => {
  sandbox = await startSandbox({ taskSeconds: 2, webhookRetryDelaysMs: [100, 100, 100] });
});
afterAll(() => sandbox?.stop());

it.each([
  ["task.completed", "A lighthouse at dawn", "completed"],
  ["task.failed", "A lighthouse at dawn [fail]", "failed"],
])("resolves waitForCompletion from the %s webhook, with 2 status polls", async (terminal, prompt, status) => {
  const events = createTaskEvents();
  const received: WebhookEvent[] = [];
  let failedOnce = false;
  const middleware = createWebhookMiddleware({
    secret: sandbox.webhookSecret,
    onEvent(event) {
      // The first terminal delivery fails, so the sandbox retries it with the same webhook-id.
      if (event.event === terminal && !failedOnce) {
        failedOnce = true;
        throw new Error("not ready yet");
      }
      received.push(event);
      events.publish(event);
    },
  });
  const receiver = await serve((request, response) => void middleware(request, response));
  const polls: string[] = [];
  const options = { apiKey: sandbox.apiKey, baseUrl: sandbox.url };
  // Waiting in a client that did not create the task (as a later request handler would), so no
  // server estimate delays the first poll: it sees the task running, and only the webhook can end
  // the wait before the 30 s fallback poll.
  const waiter = new SeedanceClient({
    ...options,
    fetch: (input, init) => {
      polls.push(new URL(String(input)).pathname);
      return fetch(input, init);
    },
  });
  try {
    const video = await new SeedanceClient(options).seedance.generate({
      prompt,
      model: "seedance-1.0",
      duration: 5,
      webhookUrl: receiver.url,
    });
    const started = Date.now();
    const result = await waiter.task.waitForCompletion(video.taskId, { webhook: events, maxWaitTime: 20_000 });
    expect(result.status).toBe(status);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(polls).toEqual([`/v1/tasks/${video.taskId}`, `/v1/tasks/${video.taskId}`]);
    // The terminal event was handled once, from the sandbox's retry after the failed first attempt.
    expect(failedOnce).toBe(true);
    expect(received.filter((event) => event.event === terminal)).toHaveLength(1);
    expect(received.every((event) => event.data.taskId === video.taskId)).toBe(true);
    console.info(`${terminal}: ${polls.length} status poll(s), ${received.length} webhook(s) handled`);
  } finally {
    await receiver.stop();
  }
});
