// Reads the three Standard Webhooks headers from whatever shape the receiving framework gives.
import { WebhookVerificationError } from "./errors.js";

/** Request headers: a `Headers`, or a plain object such as Node's `req.headers` (any letter case). */
export type WebhookHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

// Generous bounds (a real signature header is ~50 characters per secret) that keep hostile input cheap.
const MAX_LENGTH = { "webhook-id": 256, "webhook-timestamp": 32, "webhook-signature": 4096 } as const;

function read(headers: WebhookHeaders, name: keyof typeof MAX_LENGTH): string | undefined {
  if (typeof headers.get === "function") return (headers as Headers).get(name) ?? undefined;
  const record = headers as Exclude<WebhookHeaders, Headers>;
  const key = name in record ? name : Object.keys(record).find((candidate) => candidate.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  // Repeated headers combine the way `Headers.get` combines them.
  return typeof value === "string" ? value : value?.join(", ");
}

function required(headers: WebhookHeaders, name: keyof typeof MAX_LENGTH): string {
  const value = read(headers, name);
  if (!value) {
    throw new WebhookVerificationError(
      "missing_header",
      `The request has no ${name} header. Seedance webhooks carry webhook-id, webhook-timestamp and ` +
        "webhook-signature: check that only Seedance posts to this endpoint and that no proxy strips headers.",
    );
  }
  if (value.length > MAX_LENGTH[name]) {
    throw new WebhookVerificationError(
      "header_too_large",
      `The ${name} header is ${value.length} characters long, over the ${MAX_LENGTH[name]} accepted: ` +
        "the request was not sent by Seedance.",
    );
  }
  return value;
}

export const readWebhookHeaders = (headers: WebhookHeaders) => ({
  id: required(headers, "webhook-id"),
  timestamp: required(headers, "webhook-timestamp"),
  signature: required(headers, "webhook-signature"),
});
