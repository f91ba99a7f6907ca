// `experimental_generateVideo({ webhook })`: the caller's endpoint hands over a delivery; it is
// trusted only after Standard Webhooks verification (signature, timestamp, a webhook-id not seen
// before, the task this call started). Polling stays the fallback: the wait for the task is core's,
// which a verified terminal event ends early, and which polls (slowly) when no good delivery comes.
import {
  LoadSettingError,
  type SharedV4Warning,
  type Experimental_VideoModelV4OperationWebhook as VideoModelV4OperationWebhook,
} from "@ai-sdk/provider";
import {
  createWebhookVerifier,
  type FinishedTask,
  type SeedanceClient,
  type TaskEventSource,
  type WebhookEvent,
  WebhookVerificationError,
  type WebhookVerifier,
} from "@seedance/core";
import { anySignal } from "./signals.js";

type WebhookFactory = () => PromiseLike<{ url: string; received: PromiseLike<VideoModelV4OperationWebhook> }>;

interface Started {
  taskId: string;
  signal: AbortSignal | undefined;
}

/** How many delivery ids are remembered to refuse a replay (the timestamp check bounds the rest). */
const REMEMBERED_DELIVERIES = 10_000;

const TERMINAL_EVENTS = new Set(["task.completed", "task.failed"]);

/** What `received` resolves with when polling, not a delivery, saw the task finish. */
const polled = (taskId: string, finished: FinishedTask): VideoModelV4OperationWebhook => ({
  headers: {},
  body: { taskId, status: finished.status },
});

/** A TaskEventSource fed by hand with the one verified delivery. */
class OneEvent implements TaskEventSource {
  readonly #listeners = new Set<(event: WebhookEvent) => void>();

  subscribe(_taskId: string, listener: (event: WebhookEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(event: WebhookEvent): void {
    for (const listener of this.#listeners) listener(event);
  }
}

export class WebhookDeliveries {
  readonly #client: () => SeedanceClient;
  readonly #verifier: () => WebhookVerifier;
  /** Calls waiting for their task id, by the webhook URL their doStart receives. */
  readonly #starting = new Map<string, (started: Started) => void>();
  readonly #seen = new Set<string>();
  readonly #rejections = new Map<string, SharedV4Warning[]>();

  constructor(client: () => SeedanceClient, secret: () => string | undefined) {
    this.#client = client;
    let verifier: WebhookVerifier | undefined;
    this.#verifier = () => {
      if (verifier) return verifier;
      const value = secret();
      if (!value) {
        throw new LoadSettingError({
          message:
            "Webhooks need the endpoint's secret to verify deliveries: pass createSeedance({ webhookSecret }) or " +
            "set SEEDANCE_WEBHOOK_SECRET (the whsec_… value of your webhook endpoint).",
        });
      }
      verifier = createWebhookVerifier(value);
      return verifier;
    };
  }

  /** `handleWebhookOption`: the URL for doStart, and a promise that settles when the task has finished. */
  async handle(
    webhook: WebhookFactory,
  ): Promise<{ webhookUrl: string; received: PromiseLike<VideoModelV4OperationWebhook> }> {
    this.#verifier(); // a missing secret fails the call now, before any task is started
    const { url, received: delivered } = await webhook();
    const started = new Promise<Started>((resolve) => this.#starting.set(url, resolve));
    return { webhookUrl: url, received: this.#settle(started, Promise.resolve(delivered)) };
  }

  /** Called by doStart once the task exists. */
  started(webhookUrl: string, taskId: string, signal: AbortSignal | undefined): void {
    this.#starting.get(webhookUrl)?.({ taskId, signal });
    this.#starting.delete(webhookUrl);
  }

  /** Warnings about deliveries refused for `taskId`, handed to doStatus once. */
  takeWarnings(taskId: string): SharedV4Warning[] {
    const warnings = this.#rejections.get(taskId) ?? [];
    this.#rejections.delete(taskId);
    return warnings;
  }

  async #settle(
    started: Promise<Started>,
    delivered: Promise<VideoModelV4OperationWebhook>,
  ): Promise<VideoModelV4OperationWebhook> {
    const { taskId, signal } = await started;
    const task = this.#client().task;
    const events = new OneEvent();
    // Core's wait with webhook events: a terminal event ends it at once, polling is a slow fallback.
    const stopWaiting = new AbortController();
    const waitSignal = anySignal(signal ? [signal, stopWaiting.signal] : [stopWaiting.signal]);
    const waiting = task.waitForCompletion(taskId, { webhook: events, signal: waitSignal.signal });
    waiting.catch(() => {}).finally(waitSignal.dispose);
    const verdict = delivered.then(
      async (delivery) => ({ delivery, event: await this.#verify(delivery, taskId) }),
      () => ({ delivery: undefined, event: undefined }),
    );
    const first = await Promise.race([waiting.then((finished) => ({ finished })), verdict]);
    if ("finished" in first) return polled(taskId, first.finished);
    if (first.delivery !== undefined && first.event !== undefined) {
      events.emit(first.event);
      await waiting;
      return first.delivery;
    }
    // The endpoint's one delivery was refused, failed or was no terminal news: nothing more will
    // come through it, so poll at the usual pace.
    stopWaiting.abort();
    return polled(taskId, await task.waitForCompletion(taskId, { signal }));
  }

  /** The delivery's event when it is genuine, new, about `taskId` and terminal; otherwise a warning is kept. */
  async #verify(delivery: VideoModelV4OperationWebhook, taskId: string): Promise<WebhookEvent | undefined> {
    // Standard Webhooks signs the raw body: pass it as a string; parsed JSON is serialized again.
    const body = typeof delivery.body === "string" ? delivery.body : JSON.stringify(delivery.body);
    let reason: string;
    try {
      const event = await this.#verifier().verify(body, delivery.headers);
      const id = new Headers(delivery.headers).get("webhook-id") ?? "";
      if (this.#seen.has(id)) reason = `delivery ${id} was already received once (a replay)`;
      else if (event.data.taskId !== taskId) reason = `it is about task ${event.data.taskId}, not ${taskId}`;
      else {
        this.#remember(id);
        if (TERMINAL_EVENTS.has(event.event)) return event;
        return undefined; // genuine progress news: keep waiting
      }
    } catch (error) {
      reason = error instanceof WebhookVerificationError ? `${error.reason}: ${error.message}` : String(error);
    }
    const warning: SharedV4Warning = {
      type: "other",
      message: `A webhook delivery for task ${taskId} was rejected (${reason}); the status was polled instead.`,
    };
    this.#rejections.set(taskId, [...(this.#rejections.get(taskId) ?? []), warning]);
    return undefined;
  }

  #remember(id: string): void {
    this.#seen.add(id);
    if (this.#seen.size > REMEMBERED_DELIVERIES) {
      const oldest = this.#seen.values().next().value;
      if (oldest !== undefined) this.#seen.delete(oldest);
    }
  }
}
