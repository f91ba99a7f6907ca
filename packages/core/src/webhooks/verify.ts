// Verification: headers, then timestamp, then signature (all cheap rejections before any HMAC),
// then the body is parsed, and only once its signature is known to be good.

import { readAtMost } from "../transport/read-body.js";
import { WebhookVerificationError } from "./errors.js";
import { parseEvent, type WebhookEvent } from "./events.js";
import { readWebhookHeaders, type WebhookHeaders } from "./headers.js";
import { type Hmac, type HmacFactory, webCryptoHmac } from "./hmac.js";
import { decodeSecrets, type WebhookSecrets } from "./secret.js";
import { parseSignatureHeader, signedContent, timingSafeEqual, type WebhookBody } from "./signature.js";
import { checkTimestamp } from "./timestamp.js";

export interface VerifyWebhookOptions {
  /** How far, in seconds, the signing time may be from now, either way. Default 300 (5 minutes). */
  tolerance?: number;
  /** The clock; defaults to the system's. */
  now?: () => Date;
  /** The HMAC implementation; defaults to Web Crypto (`@seedance/node` supplies node:crypto's). */
  hmac?: HmacFactory;
  /** The largest body `verifyRequest` reads, in bytes (default 1 MiB: a delivery is a few kilobytes). */
  maxBodyBytes?: number;
}

export interface WebhookVerifier {
  /** Verifies a delivery from its raw body (exactly as received, never re-serialized JSON) and headers. */
  verify(rawBody: WebhookBody, headers: WebhookHeaders): Promise<WebhookEvent>;
  /**
   * Verifies a fetch `Request`, reading (and so consuming) its body, at most `maxBodyBytes` of it
   * (`body_too_large` past that).
   */
  verifyRequest(request: Request): Promise<WebhookEvent>;
}

/**
 * A verifier for one endpoint. Secrets are checked now and imported once, so a long-lived
 * receiver should create one verifier and reuse it.
 * @throws {WebhookVerificationError} `invalid_secret` when a secret is not `whsec_<base64>`.
 */
export function createWebhookVerifier(secrets: WebhookSecrets, options: VerifyWebhookOptions = {}): WebhookVerifier {
  const { tolerance = 300, now = () => new Date(), hmac = webCryptoHmac } = options;
  if (!(tolerance >= 0)) throw new RangeError(`tolerance must be a number of seconds >= 0, got ${tolerance}`);
  const secretBytes = decodeSecrets(secrets);
  let signers: Hmac[] | Promise<Hmac[]> | undefined;

  async function verify(rawBody: WebhookBody, headers: WebhookHeaders): Promise<WebhookEvent> {
    const { id, timestamp, signature } = readWebhookHeaders(headers);
    checkTimestamp(timestamp, now(), tolerance);
    const macs = parseSignatureHeader(signature);
    const body = typeof rawBody === "string" || ArrayBuffer.isView(rawBody) ? rawBody : new Uint8Array(rawBody);
    signers ??= settledOrPromise(secretBytes.map((bytes) => hmac(bytes)));
    const content = signedContent(id, timestamp, body);
    // A synchronous HMAC (node:crypto's) is used without awaiting: no microtask per delivery.
    for (const sign of Array.isArray(signers) ? signers : await signers) {
      const computed = sign(content);
      const expected = computed instanceof Uint8Array ? computed : await computed;
      if (macs.some((mac) => timingSafeEqual(mac, expected))) return parseEvent(body);
    }
    throw new WebhookVerificationError(
      "no_matching_signature",
      "No webhook-signature entry matches this body signed with the configured secret(s). Check that the " +
        "secret is this endpoint's, and that you verify the raw body exactly as received, not JSON that was " +
        "parsed and serialized again.",
    );
  }

  return {
    verify,
    async verifyRequest(request) {
      const { maxBodyBytes = 1024 * 1024 } = options;
      const body = await readAtMost(request.body, maxBodyBytes);
      if (body) return verify(body, request.headers);
      throw new WebhookVerificationError(
        "body_too_large",
        `The body is larger than maxBodyBytes (${maxBodyBytes} bytes).`,
      );
    },
  };
}

/** The values themselves when none is a promise, else a promise of them all. */
function settledOrPromise<T>(values: (T | Promise<T>)[]): T[] | Promise<T[]> {
  return values.some((value) => value instanceof Promise) ? Promise.all(values) : (values as T[]);
}

/**
 * Verifies one delivery and returns its typed event.
 * @throws {WebhookVerificationError} with a `reason` saying what was wrong.
 */
export const verifyWebhook = async (
  rawBody: WebhookBody,
  headers: WebhookHeaders,
  secrets: WebhookSecrets,
  options?: VerifyWebhookOptions,
): Promise<WebhookEvent> => createWebhookVerifier(secrets, options).verify(rawBody, headers);

/**
 * Verifies a fetch `Request` (Workers, Deno, Bun, Next.js route handlers…), reading its raw body.
 * @throws {WebhookVerificationError} with a `reason` saying what was wrong.
 */
export const verifyWebhookRequest = async (
  request: Request,
  secrets: WebhookSecrets,
  options?: VerifyWebhookOptions,
): Promise<WebhookEvent> => createWebhookVerifier(secrets, options).verifyRequest(request);
