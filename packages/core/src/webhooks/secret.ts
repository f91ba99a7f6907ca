// Webhook secrets: `whsec_` + base64 of the key bytes. A secret is only ever decoded into key bytes
// handed to the HMAC, and never echoed, so no error or serialized object can leak it.
import { fromBase64, toBase64 } from "./encoding.js";
import { WebhookVerificationError } from "./errors.js";

const PREFIX = "whsec_";

/** One endpoint secret, or several while rotating (any of them may have signed a message). */
export type WebhookSecrets = string | readonly string[];

function invalid(problem: string): WebhookVerificationError {
  return new WebhookVerificationError(
    "invalid_secret",
    `The webhook secret ${problem}. Pass the endpoint's signing secret exactly as shown in the dashboard ` +
      `("${PREFIX}" followed by base64), e.g. from an environment variable.`,
  );
}

/** The key bytes of a secret, with or without the `whsec_` prefix (as the reference library accepts). */
function decodeSecret(secret: unknown): Uint8Array<ArrayBuffer> {
  if (typeof secret !== "string") throw invalid(`is ${secret === undefined ? "missing" : `a ${typeof secret}`}`);
  const encoded = secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret;
  // Padding may be missing (a secret copied without its trailing "="), as the reference libraries accept.
  const bytes = fromBase64(encoded.padEnd(Math.ceil(encoded.length / 4) * 4, "="));
  if (!bytes) throw invalid("is not valid base64 (check for stray whitespace, quotes or a truncated value)");
  if (bytes.length === 0) throw invalid("is empty");
  return bytes;
}

/** Decodes every secret up front, so a bad one fails at startup rather than on the first delivery. */
export function decodeSecrets(secrets: WebhookSecrets): Uint8Array<ArrayBuffer>[] {
  const list: readonly unknown[] = typeof secrets === "object" && secrets !== null ? secrets : [secrets];
  if (list.length === 0) throw invalid("list is empty");
  return list.map(decodeSecret);
}

/** A new random endpoint secret (32 bytes), formatted `whsec_<base64>`. */
export const generateWebhookSecret = (): string => PREFIX + toBase64(crypto.getRandomValues(new Uint8Array(32)));
