// The API's answer on its way back to the browser: read within a size limit, never a redirect, and
// with the key redacted wherever the API (or something posing as it) echoed it.
import { readAtMost, redactApiKey } from "@seedance/core";
import { errorResponse } from "./policy.js";

// fetch has already decoded the body, so its encoding and length no longer describe what is sent.
const RESPONSE_HEADERS_DROPPED = [
  "content-encoding",
  "content-length",
  "transfer-encoding",
  "connection",
  "set-cookie",
];

export interface RelayOptions {
  apiKey: string;
  maxResponseBytes: number;
  /** The upstream call's deadline, which the body's read honours too. */
  signal: AbortSignal;
}

/** The response for the browser; rejects when the read fails or `signal` aborts. */
export async function relayUpstream(upstream: Response, options: RelayOptions): Promise<Response> {
  const { apiKey, maxResponseBytes, signal } = options;
  if ((upstream.status >= 300 && upstream.status < 400) || upstream.type === "opaqueredirect") {
    await upstream.body?.cancel();
    return errorResponse(
      502,
      "SERVICE_UNAVAILABLE",
      "The Seedance API answered with a redirect, which this proxy does not follow: the key goes only to baseUrl's origin.",
    );
  }
  const bytes = await readAtMost(upstream.body, maxResponseBytes, signal);
  if (!bytes) {
    return errorResponse(
      502,
      "SERVICE_UNAVAILABLE",
      `The Seedance API's answer is over this proxy's maxResponseBytes (${maxResponseBytes} bytes).`,
    );
  }
  const headers = new Headers();
  upstream.headers.forEach((value, name) => {
    if (!RESPONSE_HEADERS_DROPPED.includes(name)) headers.set(name, redactApiKey(value, apiKey));
  });
  // Decoded only to look for the key: bytes without it are relayed exactly as they came.
  const text = new TextDecoder().decode(bytes);
  const redacted = redactApiKey(text, apiKey);
  const body = bytes.byteLength === 0 ? null : redacted === text ? bytes : redacted;
  return new Response(body, { status: upstream.status, statusText: upstream.statusText, headers });
}
