// One-line explanations for the mistakes that are easy to make and hard to read from a raw error:
// https:// against a plain HTTP server, a base URL that repeats the /v1 the SDK adds, and a 429
// (when to retry). Each replaces what would otherwise be an OpenSSL dump or a cut-off body.
import { APIConnectionError, APIError, RateLimitError } from "@seedance/node";

/** OpenSSL's words for a TLS handshake answered by something that does not speak TLS. */
const NOT_TLS = /wrong version number|packet length too long/i;

/** The explanation of `error` against `baseUrl`, when it is one of those mistakes. */
export function hintFor(error: unknown, baseUrl: string | undefined, now = Date.now()): string | undefined {
  if (error instanceof RateLimitError) return `${error.message}. ${whenToRetry(error, now)}`;
  const url = baseUrl && URL.canParse(baseUrl) ? new URL(baseUrl) : undefined;
  if (!url) return undefined;
  if (error instanceof APIConnectionError && url.protocol === "https:" && NOT_TLS.test(messageAndCause(error))) {
    url.protocol = "http:";
    return `${baseUrl} does not answer TLS (it looks like a plain HTTP server): use --base-url ${trimmed(url)}`;
  }
  if (error instanceof APIError && error.status === 404 && /\/v1\/*$/.test(url.pathname)) {
    url.pathname = url.pathname.replace(/\/v1\/*$/, "");
    return `404 Not Found: the base URL ends in /v1, which the SDK adds to every path itself; use --base-url ${trimmed(url)}`;
  }
  return undefined;
}

/** When a 429 may be retried (ms since the epoch): from its Retry-After, else from its quota's reset time. */
export const retryTime = (error: RateLimitError, now = Date.now()): number | undefined =>
  error.retryAfter !== undefined ? now + error.retryAfter : error.rateLimit?.resetAt.getTime();

/** "Retry in 12 min (at 14:05:31)." */
function whenToRetry(error: RateLimitError, now: number): string {
  const at = retryTime(error, now);
  if (at === undefined) return "The server did not say when to retry; wait a little and try again.";
  return `Retry in ${duration(Math.max(1, Math.ceil((at - now) / 1000)))} (at ${new Date(at).toTimeString().slice(0, 8)}).`;
}

/** Seconds until a retry, in the largest unit that keeps them readable: 42 s, 12 min, 2 h 5 min. */
function duration(seconds: number): string {
  if (seconds < 90) return `${seconds} s`;
  const minutes = Math.ceil(seconds / 60);
  return minutes < 120 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function messageAndCause(error: Error): string {
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  return `${error.message} ${String(cause?.code ?? "")} ${String(cause?.message ?? "")}`;
}

/** The URL as a user would type it: no trailing slash on a bare origin. */
const trimmed = (url: URL): string => url.href.replace(/\/$/, "");
