// `Idempotency-Key`: a repeated key (per API key) within 24 hours gets the first answer again.
// Pending answers are shared too, so concurrent retries never generate twice.
import type { Reply } from "./http.ts";

const TTL_MS = 24 * 3_600_000;

export class IdempotencyStore {
  readonly #entries = new Map<string, { reply: Promise<Reply>; expires: number }>();

  /** The first reply for this key, producing it only if there is none yet. */
  remember(apiKey: string, idempotencyKey: string, produce: () => Promise<Reply>, now = Date.now()): Promise<Reply> {
    const id = JSON.stringify([apiKey, idempotencyKey]);
    const entry = this.#entries.get(id);
    if (entry && entry.expires > now) return entry.reply;
    const reply = produce().then((answer) => {
      // A 429 or 5xx is not a result: the retry the client makes must get a fresh chance.
      if (answer.status === 429 || answer.status >= 500) this.#entries.delete(id);
      return answer;
    });
    this.#entries.set(id, { reply, expires: now + TTL_MS });
    return reply;
  }
}
