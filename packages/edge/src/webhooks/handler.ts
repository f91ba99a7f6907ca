// A webhook receiver, `(Request) => Promise<Response>`, for Workers, Next.js routes, Deno.serve and
// Bun (and, through @seedance/node, Node http and Express).
//
// Answers: 204 once handled (or a duplicate), 400 with a bare code for a delivery that fails
// verification, 413, 408 for a body slower than `readTimeout`, 405, 500 when the app's handler
// throws, and 503 when the id store cannot be reached (a shared store such as Redis): it fails
// closed, so Seedance retries rather than a delivery being handled twice. A correctly
// signed event of a type this SDK does not know (a newer API) is acknowledged with 204 and given
// to `onUnknownEvent`: Seedance does not retry a 4xx, so rejecting it would lose it for good, and
// retrying it until the app upgrades would only fail again. Response bodies never say why a
// delivery was rejected beyond the code (that goes to `onError`), and never contain the secret.
import {
  createWebhookVerifier,
  type VerifyWebhookOptions,
  type WebhookEvent,
  type WebhookSecrets,
  WebhookVerificationError,
} from "@seedance/core";
import { DEFAULT_READ_TIMEOUT_MS, readLimitedBody } from "./body.js";
import { createMemoryWebhookIdStore, type WebhookIdStore } from "./store.js";

/** About one delivery. */
export interface WebhookDelivery {
  /** The `webhook-id`: the same on every retry of a message. */
  id: string;
}

export interface WebhookHandlerOptions extends VerifyWebhookOptions {
  /** The endpoint's signing secret (`whsec_…`), or `[old, new]` while rotating. */
  secret: WebhookSecrets;
  /** Handles a verified event. The delivery is acknowledged when it resolves; if it throws, the answer is 500 and Seedance retries. */
  onEvent: (event: WebhookEvent, delivery: WebhookDelivery) => unknown;
  /** A correctly signed event of a type this SDK does not know yet, as parsed JSON. Ignored by default. */
  onUnknownEvent?: (payload: unknown, delivery: WebhookDelivery) => unknown;
  /** Why a delivery was rejected (a `WebhookVerificationError` with its `reason`) or the error a handler threw: for your logs. */
  onError?: (error: unknown) => void;
  /**
   * Remembers handled ids so a retry is not handled twice. Default: in this process's memory. When
   * its `claim` throws (e.g. Redis unreachable) the answer is 503 and the event is not handled.
   */
  store?: WebhookIdStore;
  /** The largest body accepted, in bytes (default 1 MiB); larger ones get 413. */
  maxBodyBytes?: number;
  /**
   * Milliseconds the whole body may take to arrive once the request has started (default 10000); a
   * slower sender gets 408, so one dripping a byte at a time cannot hold the handler.
   */
  readTimeout?: number;
}

/** Longer than Seedance's retry schedule (about 18 hours), so every retry of a handled message is recognised. */
const DEDUPE_TTL_SECONDS = 24 * 60 * 60;
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

const reply = (status: number, error: string, headers?: HeadersInit) => Response.json({ error }, { status, headers });
const acknowledged = () => new Response(null, { status: 204 });
// Pure: a bundle without the webhook handler drops it.
const decoder = /* @__PURE__ */ new TextDecoder();

export function createWebhookHandler(options: WebhookHandlerOptions): (request: Request) => Promise<Response> {
  const {
    secret,
    onEvent,
    onUnknownEvent,
    onError,
    maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
    readTimeout = DEFAULT_READ_TIMEOUT_MS,
  } = options;
  // Created once: a bad secret throws at startup, and the keys are imported once.
  const verifier = createWebhookVerifier(secret, options);
  const store = options.store ?? createMemoryWebhookIdStore();

  async function handle(delivery: WebhookDelivery, body: Uint8Array, event: WebhookEvent | undefined) {
    if (event) await onEvent(event, delivery);
    // The verifier has already parsed this body, so it is known to be JSON.
    else await onUnknownEvent?.(JSON.parse(decoder.decode(body)), delivery);
  }

  return async (request) => {
    if (request.method !== "POST") return reply(405, "method_not_allowed", { allow: "POST" });
    const body = await readLimitedBody(request, maxBodyBytes, readTimeout);
    if (body === 413) return reply(413, "payload_too_large");
    if (body === 408) return reply(408, "request_timeout");

    let event: WebhookEvent | undefined;
    try {
      event = await verifier.verify(body, request.headers);
    } catch (error) {
      if (!(error instanceof WebhookVerificationError && error.reason === "unknown_event")) {
        onError?.(error);
        const invalidJson = error instanceof WebhookVerificationError && error.reason === "invalid_json";
        return reply(400, invalidJson ? "invalid_payload" : "invalid_signature");
      }
    }

    // Verified, so the header is present and signed.
    const delivery = { id: request.headers.get("webhook-id") as string };
    let claimed: boolean;
    try {
      claimed = await store.claim(delivery.id, DEDUPE_TTL_SECONDS);
    } catch (error) {
      onError?.(error);
      return reply(503, "store_unavailable");
    }
    if (!claimed) return acknowledged();
    try {
      await handle(delivery, body, event);
      return acknowledged();
    } catch (error) {
      onError?.(error);
      await release(delivery.id);
      return reply(500, "handler_failed");
    }
  };

  async function release(id: string) {
    try {
      await store.release(id);
    } catch (error) {
      // The id stays claimed until its TTL: reported, and the answer is still the handler's 500.
      onError?.(error);
    }
  }
}
