// Sends one logical call: rebuilds the request for every attempt, retries what is safe to retry,
// honours the server's waits, holds requests while the quota is used up, and never outlives the
// call's deadline.
import { APIConnectionError, type APIError, RateLimitError } from "../errors.js";
import type { Logger } from "../logger.js";
import { Deadline } from "./deadline.js";
import type { RateLimit, RateLimitState } from "./rate-limit.js";
import { errorFromBody, successBody } from "./response.js";
import { backoffDelay, isRetryableStatus, serverRetryDelay } from "./retry.js";

export interface TransportConfig {
  baseUrl: string;
  /**
   * Called as fetch(url, init), never fetch(new Request(...)): Node's fetch loses the abort signal
   * of a Request object once that object is garbage-collected, so a timed-out call could hang.
   */
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** Default headers plus the one auth header. */
  headers: Record<string, string>;
  timeout: number;
  maxRetries: number;
  /** Hold requests until the quota resets instead of spending them on 429s. */
  holdOnRateLimit: boolean;
  rateLimit: RateLimitState;
  logger: Logger;
  /** Scrubs the API key out of any text that leaves the SDK. */
  redact: (text: string) => string;
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
  response: Response;
  requestId: string | undefined;
  rateLimit: RateLimit | undefined;
}

type Attempt = { done: RawResult } | { failed: Error; retryable: boolean; serverWait?: number };

export async function send(config: TransportConfig, request: HttpRequest, options: RequestOptions): Promise<RawResult> {
  const deadline = new Deadline(options.timeout ?? config.timeout, options.signal);
  const safeToRepeat = request.method === "GET" || request.idempotencyKey !== undefined;
  const label = `${request.method} ${request.path}`;
  try {
    return await sendWithRetries(config, request, options, deadline, safeToRepeat, label);
  } finally {
    deadline.dispose();
  }
}

async function sendWithRetries(
  config: TransportConfig,
  request: HttpRequest,
  options: RequestOptions,
  deadline: Deadline,
  safeToRepeat: boolean,
  label: string,
): Promise<RawResult> {
  const maxRetries = options.maxRetries ?? config.maxRetries;
  for (let attempt = 0; ; attempt++) {
    if (config.holdOnRateLimit) await holdForQuota(config, deadline, label);
    const started = Date.now();
    const outcome = await attemptOnce(config, request, options, deadline, safeToRepeat);
    if ("done" in outcome) {
      config.logger.debug(`${label} → ${outcome.done.response.status} in ${Date.now() - started} ms`);
      return outcome.done;
    }
    const { failed } = outcome;
    if (!outcome.retryable || attempt >= maxRetries) throw failed;
    const wait = outcome.serverWait ?? backoffDelay(attempt);
    // A server wait that outlasts the deadline fails now rather than sleeping past it.
    if (wait >= deadline.remaining()) throw failed;
    config.logger.info(`${label} failed (${failed.message}); retry ${attempt + 1}/${maxRetries} in ${wait} ms`);
    await deadline.sleep(wait);
  }
}

async function attemptOnce(
  config: TransportConfig,
  request: HttpRequest,
  options: RequestOptions,
  deadline: Deadline,
  safeToRepeat: boolean,
): Promise<Attempt> {
  let response: Response;
  let text: string;
  try {
    response = await config.fetch(
      `${config.baseUrl}${request.path}`,
      buildInit(config, request, options, deadline.signal),
    );
    text = await response.text();
  } catch (cause) {
    const stop = deadline.reason();
    if (stop) return { failed: stop, retryable: false };
    const detail = config.redact(cause instanceof Error ? cause.message : String(cause));
    const failed = new APIConnectionError(`Connection to ${config.baseUrl} failed: ${detail}`, { cause });
    return { failed, retryable: safeToRepeat };
  }
  const rateLimit = config.rateLimit.update(response.headers);
  if (response.ok) {
    try {
      const body = successBody(response, text, rateLimit);
      return { done: { body, response, requestId: response.headers.get("x-request-id") ?? undefined, rateLimit } };
    } catch (failed) {
      return { failed: failed as APIError, retryable: false };
    }
  }
  return {
    failed: errorFromBody(response, text, rateLimit, config.redact),
    retryable: isRetryableStatus(response.status, safeToRepeat),
    serverWait: serverRetryDelay(response.headers),
  };
}

function buildInit(config: TransportConfig, request: HttpRequest, options: RequestOptions, signal: AbortSignal) {
  const headers = new Headers(config.headers);
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
  if (request.idempotencyKey) headers.set("Idempotency-Key", request.idempotencyKey);
  const init: RequestInit = { method: request.method, headers, signal };
  if (request.body !== undefined) {
    headers.set("Content-Type", "application/json");
    init.body = JSON.stringify(request.body);
  }
  return init;
}

async function holdForQuota(config: TransportConfig, deadline: Deadline, label: string): Promise<void> {
  const hold = config.rateLimit.holdMs();
  if (hold === 0) return;
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
  await deadline.sleep(hold);
}
