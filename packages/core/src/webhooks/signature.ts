// The `v1` scheme: HMAC-SHA256 over `${id}.${timestamp}.${body}`, sent base64-encoded as `v1,<mac>`.
import { concat, fromBase64, utf8 } from "./encoding.js";
import { WebhookVerificationError } from "./errors.js";

/** The raw body as received: text, or bytes (verified byte for byte, even when not UTF-8). */
export type WebhookBody = string | Uint8Array | ArrayBuffer;

/** The bytes a `v1` signature covers: `${id}.${timestamp}.${body}`. */
export function signedContent(id: string, timestamp: string, body: string | Uint8Array): Uint8Array {
  return typeof body === "string" ? utf8(`${id}.${timestamp}.${body}`) : concat(utf8(`${id}.${timestamp}.`), body);
}

// The canonical base64 of a 32-byte MAC. The last character's 2 spare bits must be zero (as the
// encoder writes them), or several headers would decode to the same MAC.
const V1_SIGNATURE = /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/;

/**
 * The MACs of the header's `v1` entries. Other versions are skipped, as Standard Webhooks asks;
 * so are malformed entries, which only decide the reason when no usable entry is left.
 */
export function parseSignatureHeader(header: string): Uint8Array[] {
  const macs: Uint8Array[] = [];
  let malformed = false;
  for (const entry of header.split(" ")) {
    if (entry === "") continue;
    const comma = entry.indexOf(",");
    if (comma <= 0) {
      malformed = true;
      continue;
    }
    if (entry.slice(0, comma) !== "v1") continue;
    const encoded = entry.slice(comma + 1);
    const mac = V1_SIGNATURE.test(encoded) ? fromBase64(encoded) : undefined;
    if (mac) macs.push(mac);
    else malformed = true;
  }
  if (macs.length > 0) return macs;
  throw malformed
    ? new WebhookVerificationError(
        "malformed_signature",
        "The webhook-signature header is not a space-separated list of `v1,<base64 HMAC-SHA256>` entries: " +
          "the request was not sent by Seedance.",
      )
    : new WebhookVerificationError(
        "no_matching_signature",
        "The webhook-signature header has no v1 entry, the only version this SDK verifies; upgrade @seedance/core.",
      );
}

/** Compares two MACs in time independent of where they differ. */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}
