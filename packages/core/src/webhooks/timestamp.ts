// Replay protection: a message is only accepted near the time it was signed. Every delivery
// attempt is signed afresh, so retries stay within the window.
import { WebhookVerificationError } from "./errors.js";

export function checkTimestamp(header: string, now: Date, tolerance: number): void {
  if (!/^[0-9]+$/.test(header)) {
    throw new WebhookVerificationError(
      "malformed_timestamp",
      "The webhook-timestamp header is not unix seconds (digits only): the request was not sent by Seedance.",
    );
  }
  const age = Math.floor(now.getTime() / 1000) - Number(header);
  // Negated so an invalid clock (a NaN age) fails closed instead of skipping the check.
  if (!(age <= tolerance)) {
    throw new WebhookVerificationError(
      "timestamp_too_old",
      `The webhook was signed ${age} s ago, more than the ${tolerance} s tolerance: it may be a replay. ` +
        "Check the receiver's clock, or raise `tolerance` if deliveries take that long to reach you.",
    );
  }
  if (-age > tolerance) {
    throw new WebhookVerificationError(
      "timestamp_too_new",
      `The webhook is dated ${-age} s in the future, more than the ${tolerance} s tolerance. ` +
        "Check the receiver's clock (NTP).",
    );
  }
}
