// The typed webhook events, derived from the spec's `webhooks` section through the generated types.
import { type CamelCase, toCamelCase } from "../case.js";
import type { TaskCompletedEvent, TaskFailedEvent, TaskProgressEvent } from "../generated/types.gen.js";
import { WebhookVerificationError } from "./errors.js";

/** A verified webhook event, camelCased; narrow on `event`. */
export type WebhookEvent = CamelCase<TaskCompletedEvent | TaskFailedEvent | TaskProgressEvent>;

export type WebhookEventType = WebhookEvent["event"];

// A Record so the compiler flags this list when the spec adds or removes an event.
const EVENT_TYPES: Record<WebhookEventType, true> = {
  "task.completed": true,
  "task.failed": true,
  "task.progress": true,
};

// Pure: a bundle that never verifies a webhook drops it.
const decoder = /* @__PURE__ */ new TextDecoder("utf-8", { fatal: true });

function parseJson(body: string | Uint8Array): unknown {
  try {
    return JSON.parse(typeof body === "string" ? body : decoder.decode(body));
  } catch {
    throw new WebhookVerificationError(
      "invalid_json",
      "The webhook body is not UTF-8 JSON, although its signature is valid. Report this to Seedance support.",
    );
  }
}

/** Parses a body whose signature has already been verified. */
export function parseEvent(body: string | Uint8Array): WebhookEvent {
  const payload = parseJson(body);
  const event = typeof payload === "object" && payload !== null && "event" in payload ? payload.event : undefined;
  if (typeof event !== "string" || !Object.hasOwn(EVENT_TYPES, event)) {
    throw new WebhookVerificationError(
      "unknown_event",
      `The webhook's event ${JSON.stringify(event)?.slice(0, 64) ?? "(missing)"} is not one this SDK knows ` +
        `(${Object.keys(EVENT_TYPES).join(", ")}); upgrade @seedance/core to receive it.`,
    );
  }
  return toCamelCase(payload) as WebhookEvent;
}
