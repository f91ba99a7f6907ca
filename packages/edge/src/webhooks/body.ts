// Reads a request body within a size cap and a deadline, so an oversized or endless body costs at most
// the cap, and a sender dripping bytes holds the handler for at most the deadline.
import { readAtMost } from "@seedance/core";

/** Milliseconds a whole request body may take to arrive, by default: a delivery or a generate request is a few KB. */
export const DEFAULT_READ_TIMEOUT_MS = 10_000;

/** The body's bytes; 413 once it proves larger than `maxBytes`, 408 when it is not complete within `timeoutMs`. */
export async function readLimitedBody(
  request: Request,
  maxBytes: number,
  timeoutMs: number,
): Promise<Uint8Array | 408 | 413> {
  if (Number(request.headers.get("content-length")) > maxBytes) return 413;
  // A timer rather than AbortSignal.timeout: cleared the moment the body is in.
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  try {
    return (await readAtMost(request.body, maxBytes, deadline.signal)) ?? 413;
  } catch (error) {
    if (deadline.signal.aborted) return 408;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
