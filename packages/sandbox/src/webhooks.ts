// Webhook deliveries signed with the Standard Webhooks reference library. A delivery that gets no
// 2xx (or a 429) in time is retried on the schedule with the same `webhook-id`; another 4xx is final.
import { randomUUID } from "node:crypto";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { Webhook } from "standardwebhooks";

/** The spec's schedule: about 5 s, 5 min, 30 min, 2 h, 5 h and 10 h after the first attempt fails. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [5, 300, 1800, 7200, 18_000, 36_000].map((s) => s * 1000);
const DEFAULT_TIMEOUT_MS = 15_000;

export interface WebhookOptions {
  /** `whsec_<base64>` secret the deliveries are signed with. */
  secret: string;
  /** Delays between attempts; its length is the number of retries. */
  retryDelaysMs?: readonly number[];
  /** How long to wait for the receiver's answer. */
  timeoutMs?: number;
}

export class WebhookSender {
  readonly #signer: Webhook;
  readonly #retryDelaysMs: readonly number[];
  readonly #timeoutMs: number;
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #stopping = new AbortController();

  constructor(options: WebhookOptions) {
    this.#signer = new Webhook(options.secret);
    this.#retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** Delivers `payload` to `url` in the background, retrying as needed. */
  send(url: string, payload: unknown): void {
    void this.#attempt(url, `msg_${randomUUID().replaceAll("-", "")}`, JSON.stringify(payload), 0);
  }

  /** Cancels pending retries and aborts deliveries in flight. */
  stop(): void {
    this.#stopping.abort();
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  async #attempt(url: string, id: string, body: string, attempt: number): Promise<void> {
    if (this.#stopping.signal.aborted) return;
    const timestamp = new Date();
    const headers = {
      "Content-Type": "application/json",
      "webhook-id": id,
      "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
      "webhook-signature": this.#signer.sign(id, timestamp, body),
    };
    const status = await post(url, headers, body, this.#timeoutMs, this.#stopping.signal).catch(() => undefined);
    const delay = this.#retryDelaysMs[attempt];
    if ((status !== undefined && isFinal(status)) || delay === undefined || this.#stopping.signal.aborted) return;
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      void this.#attempt(url, id, body, attempt + 1);
    }, delay);
    this.#timers.add(timer);
  }
}

/** A 2xx acknowledges the delivery and a 4xx other than 429 rejects it; anything else is retried. */
function isFinal(status: number): boolean {
  return (status >= 200 && status < 300) || (status >= 400 && status < 500 && status !== 429);
}

/** POSTs `body` on a fresh connection and resolves with the status (the answer's body is ignored). */
function post(
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<number> {
  const send = url.startsWith("https:") ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(url, { method: "POST", headers, agent: false, signal, timeout: timeoutMs }, (response) => {
      response.resume().on("end", () => resolve(response.statusCode ?? 0));
    });
    request.on("timeout", () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on("error", reject);
    request.end(body);
  });
}
