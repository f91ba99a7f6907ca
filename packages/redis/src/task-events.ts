// Task events on Redis pub/sub: a webhook received by any instance wakes the waits on every instance.
//
// Each published event is also kept as the task's latest event, and every subscriber reads it once
// its channel subscription is confirmed: an event published while a wait was subscribing is
// delivered, not lost. Listeners may so see one event twice; waitForCompletion does not mind.
import { createTaskEvents, type TaskEventListener, type TaskEvents, type WebhookEvent } from "@seedance/edge";
import { connection, outageLog, type RedisClient, type RedisStateOptions, runOn } from "./connection.js";

export interface RedisTaskEventsOptions extends RedisStateOptions {
  /** Seconds a task's latest event is kept for waits that subscribe later (default 3600). */
  eventTtlSeconds?: number;
}

export interface RedisTaskEvents extends TaskEvents {
  /** Resolves once the event is on Redis (or Redis failed: it never rejects); listeners here are called at once. */
  publish(event: WebhookEvent): Promise<void>;
  /** Closes the subscriber connection this creates; the client you passed stays open. */
  close(): Promise<void>;
}

interface Envelope {
  origin: string;
  event: WebhookEvent;
}

/**
 * A `TaskEvents` shared through Redis. Uses a second connection (`client.duplicate()`) for
 * subscriptions. When Redis is unreachable, events still reach this instance's waits, and waits
 * elsewhere fall back to polling; the outage is logged once.
 */
export function createRedisTaskEvents(client: RedisClient, options: RedisTaskEventsOptions = {}): RedisTaskEvents {
  const { prefix, logger, run } = connection(client, options);
  const timeoutMs = options.commandTimeoutMs ?? 1000;
  const ttl = options.eventTtlSeconds ?? 3600;
  const origin = crypto.randomUUID();
  const local = createTaskEvents();
  const outage = outageLog(logger, "task events", "waits on other instances fall back to polling");
  const channel = (taskId: string) => `${prefix}task-events:${taskId}`;
  const latestKey = (taskId: string) => `${prefix}task-latest:${taskId}`;
  const taskOf = (name: string) => name.slice(channel("").length);

  const subscriber = client.duplicate();
  // The tasks with local listeners: how many, and when the channel subscription holds.
  const tasks = new Map<string, { listeners: number; subscribed?: Promise<unknown> }>();
  let connectedOnce = false;

  const subscribeTo = (taskId: string) => runOn(subscriber, (redis) => redis.subscribe(channel(taskId)), timeoutMs);
  const deliverLatest = async (taskId: string, listener: TaskEventListener) => {
    const stored = await run((redis) => redis.get(latestKey(taskId)));
    if (stored) listener((JSON.parse(stored) as Envelope).event);
  };

  if (subscriber.status === "wait") subscriber.connect().catch(() => {}); // a lazyConnect client's copy
  subscriber.on("error", (error: Error) => outage.down(error));
  subscriber.on("message", (name: string, message: string) => {
    const { origin: from, event } = JSON.parse(message) as Envelope;
    if (from !== origin && tasks.has(taskOf(name))) local.publish(event);
  });
  // At the first connection, and after an outage: (re)subscribe, and read back what was published meanwhile.
  subscriber.on("ready", () => {
    connectedOnce = true;
    for (const [taskId, task] of tasks) {
      task.subscribed = subscribeTo(taskId);
      task.subscribed
        .then(() => deliverLatest(taskId, (event) => tasks.get(taskId) === task && local.publish(event)))
        .then(outage.up, outage.down);
    }
  });

  function watch(taskId: string, listener: () => TaskEventListener | undefined) {
    let task = tasks.get(taskId);
    if (task) task.listeners += 1;
    else {
      // Before the first connection the "ready" handler subscribes: that is a start, not an outage.
      const connected = connectedOnce || subscriber.status === "ready";
      task = { listeners: 1, subscribed: connected ? subscribeTo(taskId) : undefined };
      tasks.set(taskId, task);
    }
    task.subscribed?.then(() => deliverLatest(taskId, (event) => listener()?.(event))).then(outage.up, outage.down);
  }

  function unwatch(taskId: string) {
    const task = tasks.get(taskId);
    if (!task || --task.listeners > 0) return;
    tasks.delete(taskId);
    runOn(subscriber, (redis) => redis.unsubscribe(channel(taskId)), timeoutMs).catch(() => {});
  }

  return {
    async publish(event) {
      local.publish(event);
      const message = JSON.stringify({ origin, event } satisfies Envelope);
      const taskId = event.data.taskId;
      try {
        await run((redis) =>
          redis.multi().set(latestKey(taskId), message, "EX", ttl).publish(channel(taskId), message).exec(),
        );
        outage.up();
      } catch (error) {
        outage.down(error);
      }
    },
    subscribe(taskId, listener) {
      let active = true;
      const unsubscribeLocal = local.subscribe(taskId, listener);
      watch(taskId, () => (active ? listener : undefined));
      return () => {
        if (!active) return;
        active = false;
        unsubscribeLocal();
        unwatch(taskId);
      };
    },
    async close() {
      tasks.clear();
      await subscriber.quit().catch(() => subscriber.disconnect());
    },
  };
}
