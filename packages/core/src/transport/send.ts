// Sends one logical call: rebuilds the request for every attempt, retries what is safe to retry,
// honours the server's waits, holds requests while the quota is used up, and never outlives the
// call's deadline.
import { APIConnectionError, type APIError, RateLimitError, ResponseTooLargeError } from "../errors.js";
import type { AttemptEnd, CallObserver } from "../instrumentation.js";
import type { Logger } from "../logger.js";
import { Deadline } from "./deadline.js";
import type { RateLimit, RateLimitState } from "./rate-limit.js";
import { errorFromBody, type Redact, redirectError, successBody } from "./response.js";
import { backoffDelay, isRetryableStatus, serverRetryDelay } from "./retry.js";
import type { Transport, TransportResponse } from "./transport.js";

export interface TransportConfig {
  baseUrl: string;
  transport: Transport;
  /** Default headers plus the one auth header, lower-case names. */
  headers: Record<string, string>;
  timeout: number;
  maxRetries: number;
  /** Hold requests until the quota resets instead of spending them on 429s. */
  holdOnRateLimit: boolean;
  rateLimit: RateLimitState;
  logger: Logger;
  /** Sanitises server text and scrubs the API key out of it, before it goes into an error or a log line. */
  redact: Redact;
  /** The most bytes of a response body read, after decompression. */
  maxResponseBytes: number;
}

/** Per-call options: each overrides the client's default for this call only. */
export interface RequestOptions {
  signal?: AbortSignal;
  /** Milliseconds the whole call may take, retries included. */
  timeout?: number;
  maxRetries?: number;
  headers?: Record<string, string>;
  /** POST only: the key that makes retries safe. Generated once per call by default; `false` sends none. */
  idempotencyKey?: string | false;
}

export interface HttpRequest {
  method: "GET" | "POST";
  path: string;
  body?: unknown;
  idempotencyKey?: string;
}

export interface RawResult {
  body: unknown;
  /** The response as the transport gave it (its `body` is the text `body` was parsed from). */
  response: TransportResponse;
  requestId: string | undefined;
  rateLimit: RateLimit | undefined;
}

type Attempt = { done: RawResult } | { failed: Error; retryable: boolean; serverWait?: number };

export async function send(
  config: TransportConfig,
  request: HttpRequest,
  options: RequestOptions,
  observer?: CallObserver,
): Promise<RawResult> {
  const deadline = new Deadline(options.timeout ?? config.timeout, options.signal);
  const safeToRepeat = request.method === "GET" || request.idempotencyKey !== undefined;
  const maxRetries = options.maxRetries ?? config.maxRetries;
  const { logger } = config;
  // Labels and timings are made only when a line will be logged: this loop is every call's hot path.
  const label = () => `${request.method} ${request.path}`;
  try {
    for (let attempt = 0; ; attempt++) {
      const hold = config.holdOnRateLimit ? config.rateLimit.holdMs() : 0;
      if (hold > 0) await holdForQuota(config, deadline, hold, label(), observer);
      const started = logger.debugEnabled ? Date.now() : 0;
      const ended = observer?.attempt({
        method: request.method,
        url: `${config.baseUrl}${request.path}`,
        resendCount: attempt,
      });
      const outcome = await attemptOnce(config, request, options, deadline, safeToRepeat);
      ended?.("done" in outcome ? outcome.done : (outcome.failed as AttemptEnd));
      if ("done" in outcome) {
        if (started) logger.debug(`${label()} → ${outcome.done.response.status} in ${Date.now() - started} ms`);
        return outcome.done;
      }
      const { failed } = outcome;
      if (!outcome.retryable || attempt >= maxRetries) throw failed;
      const wait = outcome.serverWait ?? backoffDelay(attempt);
      // A server wait that outlasts the deadline fails now rather than sleeping past it.
      if (wait >= deadline.remaining()) throw failed;
      logger.info(`${label()} failed (${failed.message}); retry ${attempt + 1}/${maxRetries} in ${wait} ms`);
      observer?.retry(wait, failed);
      await deadline.sleep(wait);
    }
  } finally {
    deadline.dispose();
  }
}

async function attemptOnce(
  config: TransportConfig,
  request: HttpRequest,
  options: RequestOptions,
  deadline: Deadline,
  safeToRepeat: boolean,
): Promise<Attempt> {
  let response: TransportResponse;
  try {
    response = await config.transport(buildRequest(config, request, options, deadline.signal));
  } catch (cause) {
    // A second attempt would only read the same oversized answer again.
    if (cause instanceof ResponseTooLargeError) return { failed: cause, retryable: false };
    const stop = deadline.reason();
    if (stop) return { failed: stop, retryable: false };
    const detail = config.redact(cause instanceof Error ? cause.message : String(cause));
    const failed = new APIConnectionError(`Connection to ${config.baseUrl} failed: ${detail}`, {
      cause: redactedError(cause, config.redact),
    });
    return { failed, retryable: safeToRepeat };
  }
  const rateLimit = config.rateLimit.update(response.headers);
  const { status } = response;
  // Transports hand over final responses only (1xx are interim).
  if (status >= 200 && status < 300) {
    try {
      const body = successBody(response, rateLimit, config.redact);
      return { done: { body, response, requestId: response.headers["x-request-id"], rateLimit } };
    } catch (failed) {
      return { failed: failed as APIError, retryable: false };
    }
  }
  // 3xx, or 0 for a redirect the runtime hides: never followed, never retried.
  if (status < 400) return { failed: redirectError(response, rateLimit, config.redact), retryable: false };
  return {
    failed: errorFromBody(response, rateLimit, config.redact),
    retryable: isRetryableStatus(response.status, safeToRepeat),
    serverWait: serverRetryDelay(response.headers),
  };
}

function buildRequest(config: TransportConfig, request: HttpRequest, options: RequestOptions, signal: AbortSignal) {
  const headers: Record<string, string> = options.headers
    ? { ...config.headers, ...lowerCaseNames(options.headers) }
    : { ...config.headers };
  if (request.idempotencyKey) headers["idempotency-key"] = request.idempotencyKey;
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);
  if (body !== undefined) headers["content-type"] = "application/json";
  const { maxResponseBytes } = config;
  return { method: request.method, url: `${config.baseUrl}${request.path}`, headers, body, signal, maxResponseBytes };
}

/**
 * A transport's error as the `cause` of the SDK's: its name, code and message (and its causes),
 * redacted, since a runtime may quote the request's headers (a key with a line break makes fetch
 * name the invalid header value).
 */
const redactedError = (error: unknown, redact: Redact): unknown =>
  error instanceof Error
    ? Object.assign(new Error(redact(error.message), { cause: error.cause && redactedError(error.cause, redact) }), {
        name: error.name,
        code: (error as { code?: unknown }).code,
      })
    : redact(String(error));

/** Header names are case-insensitive: lower-cased, a caller's header replaces a default of any case. */
export function lowerCaseNames(headers: Record<string, string> | undefined): Record<string, string> {
  const lower: Record<string, string> = {};
  for (const name in headers) lower[name.toLowerCase()] = headers[name] as string;
  return lower;
}

/** Waits `hold` ms for the quota to reset, or fails now when that outlasts the call's deadline. */
async function holdForQuota(
  config: TransportConfig,
  deadline: Deadline,
  hold: number,
  label: string,
  observer: CallObserver | undefined,
): Promise<void> {
  const latest = config.rateLimit.latest;
  if (hold >= deadline.remaining()) {
    throw new RateLimitError({
      status: 429,
      code: "RATE_LIMITED",
      message: `Rate limit quota used up until ${latest?.resetAt.toISOString()}, past this call's timeout; no request was sent.`,
      rateLimit: latest,
      headers: new Headers(),
      retryAfter: hold,
    });
  }
  config.logger.info(`${label} held ${hold} ms until the rate-limit quota resets`);
  observer?.hold(hold);
  await deadline.sleep(hold);
}
