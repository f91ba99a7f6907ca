import { SeedanceError } from "../errors.js";

/** Why a webhook was rejected, for code to branch on (the message is for people). */
export type WebhookVerificationReason =
  | "missing_header"
  | "body_too_large"
  | "header_too_large"
  | "malformed_timestamp"
  | "malformed_signature"
  | "timestamp_too_old"
  | "timestamp_too_new"
  | "no_matching_signature"
  | "invalid_json"
  | "unknown_event"
  | "invalid_secret";

/**
 * A webhook failed verification, or a webhook secret is unusable. Neither the message nor any
 * property ever contains a secret.
 */
export class WebhookVerificationError extends SeedanceError {
  override name = "WebhookVerificationError";
  readonly reason: WebhookVerificationReason;

  constructor(reason: WebhookVerificationReason, message: string) {
    super(message);
    this.reason = reason;
  }
}
