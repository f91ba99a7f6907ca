// One app instance, run as its own Node process from the packed tarballs: a webhook receiver on
// Node http, a client, all sharing state on Redis. The test drives it over IPC.
import { once } from "node:events";
import { createServer } from "node:http";
import { createWebhookMiddleware, SeedanceClient } from "@seedance/node";
import {
  createRedisClient,
  createRedisRateLimitStore,
  createRedisTaskEvents,
  createRedisWebhookIdStore,
} from "@seedance/redis";

const { REDIS_URL, SANDBOX_URL, WEBHOOK_SECRET, PREFIX } = process.env;
const logs = [];
const logger = { warn: (line) => logs.push(line), info: (line) => logs.push(line) };
const redis = createRedisClient(REDIS_URL);
await once(redis, "ready");
const events = createRedisTaskEvents(redis, { prefix: PREFIX, logger });

const handled = [];
const receiver = createWebhookMiddleware({
  secret: WEBHOOK_SECRET,
  store: createRedisWebhookIdStore(redis, { prefix: PREFIX, logger }),
  onEvent: async (event, delivery) => {
    handled.push(delivery.id);
    await events.publish(event);
  },
});
const server = createServer(receiver).listen(0, "127.0.0.1");
await once(server, "listening");

/** A client whose every request is recorded: when it went out, when it came back, its status. */
function recordingClient(apiKey, options = {}) {
  const requests = [];
  const client = new SeedanceClient({
    apiKey,
    baseUrl: SANDBOX_URL,
    ...options,
    fetch: async (url, init) => {
      const request = { method: init.method, path: new URL(url).pathname, sentAt: Date.now() };
      requests.push(request);
      const response = await fetch(url, init);
      request.status = response.status;
      return response;
    },
  });
  return { client, requests };
}

const commands = {
  handled: () => handled,
  logs: () => logs,
  // Generates a video whose webhooks go to `webhookUrl`, and waits for it with the shared task events.
  async wait({ apiKey, webhookUrl }) {
    const { client, requests } = recordingClient(apiKey);
    const video = await client.seedance.generate({
      prompt: "Waves at dusk",
      model: "seedance-1.0",
      duration: 5,
      webhookUrl,
    });
    const result = await client.task.waitForCompletion(video.taskId, { webhook: events, maxWaitTime: 60_000 });
    const polls = requests.filter((request) => request.path.startsWith("/v1/tasks/")).length;
    return { status: result.status, polls };
  },
  // `count` sequential calls on a key shared with the other instances, its quota kept on Redis.
  async calls({ apiKey, taskId, count }) {
    const rateLimitStore = createRedisRateLimitStore(redis, { prefix: PREFIX, logger });
    // Each hold or retry sleep, with the reset the shared quota named when it began.
    const sleeps = [];
    const sink = {
      debug() {},
      info(line) {
        if (/ held \d+ ms| retry \d+\/\d+ in /.test(line))
          sleeps.push({ at: Date.now(), resetAt: rateLimitStore.get()?.resetAt.getTime() });
      },
      warn() {},
      error() {},
    };
    const { client, requests } = recordingClient(apiKey, { rateLimitStore, logger: sink, logLevel: "info" });
    const errors = [];
    for (let i = 0; i < count; i++) {
      await client.task
        .getStatus(taskId)
        .catch((error) => errors.push(`${error.name}: ${error.status ?? ""} ${error.message}`));
    }
    await rateLimitStore.close();
    // How long after the reset each sleep ended: at its next request, or at the next hold when the
    // other processes used up the new window first (a fair share is not promised; an overslept timer is).
    const pastReset = sleeps.map((sleep, index) => {
      const ended = Math.min(
        requests.find((r) => r.sentAt >= sleep.at)?.sentAt ?? Infinity,
        sleeps[index + 1]?.at ?? Infinity,
      );
      return ended - (sleep.resetAt ?? sleep.at);
    });
    return {
      errors,
      requests: requests.length,
      tooMany: requests.filter((request) => request.status === 429).length,
      sleeps: sleeps.length,
      maxPastResetMs: Math.max(0, ...pastReset),
    };
  },
};

process.on("message", async ({ id, command, args }) => {
  try {
    process.send({ id, result: await commands[command](args) });
  } catch (error) {
    process.send({ id, error: String(error?.stack ?? error) });
  }
});
process.on("disconnect", () => process.exit(0));
process.send({ ready: `http://127.0.0.1:${server.address().port}/` });
