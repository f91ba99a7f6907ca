// `Idempotency-Key`: a repeated key within 24 hours gets the first answer again, without a new
// generation. A key belongs to one API key and one operation, and to the body it came with: the
// same key with another body is refused (a client bug that would otherwise get a result for a
// request it did not make). Pending answers are shared too, so concurrent retries never generate twice.
import { createHash } from "node:crypto";
import type { ApiError, Reply } from "./http.ts";

const TTL_MS = 24 * 3_600_000;

interface Entry {
  fingerprint: string;
  reply: Promise<Reply>;
  expires: number;
}

/** Equal for equal JSON values, whatever the order of their keys or the spacing of the text. */
function fingerprintOf(body: unknown): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (typeof value !== "object" || value === null) return value;
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  };
  return createHash("sha256")
    .update(JSON.stringify(canonical(body)) ?? "")
    .digest("base64url");
}

export interface IdempotentRequest {
  apiKey: string;
  /** The operation the key was sent to (keys are not shared between endpoints). */
  operationId: string;
  idempotencyKey: string;
  body: unknown;
}

export class IdempotencyStore {
  readonly #entries = new Map<string, Entry>();

  /**
   * The first reply for this key, producing it only if there is none yet; the spec's 400 when the
   * key was first sent with another body.
   */
  remember(request: IdempotentRequest, produce: () => Promise<Reply>, now = Date.now()): Promise<Reply> | ApiError {
    const id = JSON.stringify([request.apiKey, request.operationId, request.idempotencyKey]);
    const fingerprint = fingerprintOf(request.body);
    const entry = this.#entries.get(id);
    if (entry && entry.expires > now) {
      if (entry.fingerprint === fingerprint) return entry.reply;
      return {
        status: 400,
        code: "INVALID_REQUEST",
        message:
          "This Idempotency-Key was already used with a different request body; send a new key for a new request",
        details: { field: "Idempotency-Key", value: request.idempotencyKey, constraint: "idempotency_key_reused" },
      };
    }
    const reply = produce().then((answer) => {
      // A 429 or 5xx is not a result: the retry the client makes must get a fresh chance.
      if (answer.status === 429 || answer.status >= 500) this.#entries.delete(id);
      return answer;
    });
    this.#entries.set(id, { fingerprint, reply, expires: now + TTL_MS });
    return reply;
  }
}
