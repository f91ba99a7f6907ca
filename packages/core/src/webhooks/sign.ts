// Signing, for users' own tests and local tools: produces exactly what Seedance sends.
import { toBase64 } from "./encoding.js";
import { webCryptoHmac } from "./hmac.js";
import { decodeSecrets, type WebhookSecrets } from "./secret.js";
import { signedContent } from "./signature.js";

export interface SignWebhookOptions {
  /** The message id; a fresh random `msg_…` by default. */
  id?: string;
  /** The signing time; now by default. */
  timestamp?: Date;
}

export interface SignedWebhook {
  headers: { "webhook-id": string; "webhook-timestamp": string; "webhook-signature": string };
  /** The body to send, byte for byte what was signed. */
  body: string;
}

const randomId = () =>
  `msg_${Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("")}`;

/**
 * Signs a payload the way Seedance does. An object is sent as `JSON.stringify` of it, so give
 * it in the wire's snake_case. Several secrets give one signature each, as during a rotation.
 */
export async function signWebhook(
  payload: string | object,
  secrets: WebhookSecrets,
  options: SignWebhookOptions = {},
): Promise<SignedWebhook> {
  const { id = randomId(), timestamp = new Date() } = options;
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  const seconds = String(Math.floor(timestamp.getTime() / 1000));
  const content = signedContent(id, seconds, body);
  const signatures = await Promise.all(
    decodeSecrets(secrets).map(async (bytes) => toBase64(await (await webCryptoHmac(bytes))(content))),
  );
  return {
    headers: {
      "webhook-id": id,
      "webhook-timestamp": seconds,
      "webhook-signature": signatures.map((mac) => `v1,${mac}`).join(" "),
    },
    body,
  };
}
