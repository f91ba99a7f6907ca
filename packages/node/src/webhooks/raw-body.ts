// The body exactly as Seedance sent it: a signature over re-serialized JSON would not match (and
// must not be made to match), so a body that only survives parsed is refused.
import type { IncomingMessage } from "node:http";
import { bodyStream, carriesBody } from "../web-bridge.js";

/** What body-parsing middleware may have left on the request. */
interface ParsedRequest {
  /** Set by some frameworks (and `express.json({ verify })` recipes) to the bytes received. */
  rawBody?: unknown;
  /** A Buffer from `express.raw()`, a string from `express.text()`, an object from `express.json()`. */
  body?: unknown;
}

export const RAW_BODY_UNAVAILABLE =
  "The webhook's raw body is gone: a body parser such as express.json() read it first. Mount the " +
  "webhook middleware before express.json(), or behind express.raw({ type: 'application/json' }).";

/** The raw body (`null` on GET and HEAD), or `undefined` when a parser consumed it and left only parsed JSON. */
export function rawBody(incoming: IncomingMessage): BodyInit | null | undefined {
  if (!carriesBody(incoming)) return null;
  const { rawBody: raw, body } = incoming as IncomingMessage & ParsedRequest;
  for (const candidate of [raw, body]) {
    if (typeof candidate === "string") return candidate;
    if (candidate instanceof Uint8Array) return candidate as Uint8Array<ArrayBuffer>;
  }
  // Still unread, whatever sits on `body` (Express 4's json() leaves `{}` on requests it skips).
  return incoming.readableDidRead ? undefined : bodyStream(incoming);
}
