// The one boundary between core and the network: a request goes out as plain values and comes back
// as status, headers and body text. Retries, deadlines, aborts, idempotency, redirects and the
// rate-limit hold all live above it in send.ts, so they behave the same over every transport.
import { ResponseTooLargeError } from "../errors.js";
import { readAtMost } from "./read-body.js";

export interface TransportRequest {
  method: "GET" | "POST";
  url: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: string | undefined;
  /** Aborted when the call's deadline passes or its caller aborts: the transport must stop at once. */
  signal: AbortSignal;
  /**
   * The most body bytes to read, counted after any decompression. A transport that sees more (or a
   * larger `Content-Length`) stops reading, closes the connection and rejects with a
   * `ResponseTooLargeError`.
   */
  maxResponseBytes: number;
}

export interface TransportResponse {
  /** The status; 0 for a redirect whose status the runtime hides (a browser's opaque redirect). */
  status: number;
  /** Lower-case names; a repeated header's values joined with ", ". */
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends one request and reads its whole body (within `maxResponseBytes`); never follows a redirect
 * (core turns a 3xx into a `RedirectError`); rejects on any network failure or abort.
 */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

/** A fetch function, as the `fetch` option takes one. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

// Pure: a bundle that never sends drops it.
const decoder = /* @__PURE__ */ new TextDecoder();

/**
 * The transport over `fetch` (browsers, edge runtimes, Deno, a user's own fetch). Called as
 * fetch(url, init), never fetch(new Request(...)): Node's fetch loses the abort signal of a Request
 * object once that object is garbage-collected, so a timed-out call could hang.
 */
export const fetchTransport =
  (fetch: FetchLike): Transport =>
  async ({ method, url, headers, body, signal, maxResponseBytes }) => {
    // "manual": a followed redirect would take the key (and a POST's body and Idempotency-Key) to
    // wherever the server points; undici strips only Authorization on the way to another origin.
    const response = await fetch(url, { method, headers, body, signal, redirect: "manual" });
    // forEach, not Object.fromEntries: no entry arrays (measured 2.4× faster on undici's Headers).
    const flat: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      flat[name] = value;
    });
    const { status } = response;
    // A Content-Length counts the body as sent, so it proves too much only for an unencoded body.
    const announcedTooLong = !flat["content-encoding"] && Number(flat["content-length"]) > maxResponseBytes;
    if (announcedTooLong) await response.body?.cancel();
    const bytes = announcedTooLong ? undefined : await readAtMost(response.body, maxResponseBytes);
    if (!bytes) throw new ResponseTooLargeError(maxResponseBytes, status);
    return { status, headers: flat, body: decoder.decode(bytes) };
  };
