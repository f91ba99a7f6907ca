// SeedanceClient: resolves options once, then wires the resources to one shared context.
import { SeedanceError } from "./errors.js";
import type { Instrumentation } from "./instrumentation.js";
import { createLogger, type LogLevel, type LogSink } from "./logger.js";
import type { ClientContext } from "./operation.js";
import { Seedance } from "./resources/seedance.js";
import { Seedream } from "./resources/seedream.js";
import { Task } from "./resources/task.js";
import { sanitizeServerText } from "./sanitize.js";
import { TaskEstimates } from "./task-estimates.js";
import { type RateLimit, RateLimitState, type RateLimitStore } from "./transport/rate-limit.js";
import { lowerCaseNames } from "./transport/send.js";
import { type FetchLike, fetchTransport, type Transport } from "./transport/transport.js";

export const DEFAULT_BASE_URL = "https://api.seedance2api.com";

export interface ClientOptions {
  /** Your API key. Required unless `authScheme` is `"none"`. */
  apiKey?: string | undefined;
  /** Default `https://api.seedance2api.com`. */
  baseUrl?: string | undefined;
  /**
   * How the key is sent: `Authorization: Bearer` (default) or `X-API-Key` — exactly one of them.
   * `"none"` sends no key, for calls through your own proxy that adds it.
   */
  authScheme?: "bearer" | "x-api-key" | "none";
  /** Milliseconds a call may take, retries included (default 300000, the API's advice). */
  timeout?: number;
  /** Retries after the first attempt (default 2). */
  maxRetries?: number;
  /**
   * The largest response body read, in bytes after decompression (default 8 MiB, far above any of the
   * API's answers). A larger one fails the call with `ResponseTooLargeError` and closes the connection.
   */
  maxResponseBytes?: number;
  /** A custom fetch (e.g. with a proxy agent), called as a plain function with `(url, init)`. */
  fetch?: FetchLike;
  /**
   * How requests are sent, for runtimes with something faster than fetch (`@seedance/node` passes
   * one over node:http). Default: the `fetch` option, else the global `fetch`, looked up per call.
   */
  transport?: Transport;
  /** Headers sent with every request. */
  defaultHeaders?: Record<string, string>;
  /** Where log lines go (default `console`) and from which level (default `"warn"`). */
  logger?: LogSink;
  logLevel?: LogLevel;
  /** Validate requests against the spec before sending (default true); turn off to let the server decide. */
  validate?: boolean;
  /** Hold requests until the quota resets when none is left, instead of spending them on 429s (default true). */
  holdOnRateLimit?: boolean;
  /**
   * Where the quota is kept (default: this client's memory). Share one between the processes that
   * use the same key, e.g. `createRedisRateLimitStore` from `@seedance/redis`, so they hold together.
   */
  rateLimitStore?: RateLimitStore;
  /**
   * Told about every call, attempt, hold, retry, poll and download, for tracing and metrics: pass
   * `seedanceInstrumentation()` from `@seedance/otel` for OpenTelemetry spans and metrics.
   */
  instrumentation?: Instrumentation;
}

const MISSING_KEY =
  "Missing API key: pass `new SeedanceClient({ apiKey })` or set the SEEDANCE_API_KEY environment variable " +
  '(read by the runtime packages). Calling through your own proxy that adds the key? Pass `authScheme: "none"`.';

function authHeaders(options: ClientOptions): Record<string, string> {
  const scheme = options.authScheme ?? "bearer";
  if (scheme === "none") return {};
  if (!options.apiKey) throw new SeedanceError(MISSING_KEY);
  return scheme === "bearer" ? { authorization: `Bearer ${options.apiKey}` } : { "x-api-key": options.apiKey };
}

function nonNegative(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) {
    throw new SeedanceError(`Invalid ${name}: expected a non-negative number, got ${value}.`);
  }
  return value;
}

export class SeedanceClient {
  /** Seedream image generation. */
  readonly seedream: Seedream;
  /** Seedance video generation. */
  readonly seedance: Seedance;
  /** Task status, results and waiting. */
  readonly task: Task;
  readonly baseUrl: string;
  // Private fields: the key never shows in JSON.stringify(client), util.inspect(client) or a debugger's
  // enumerable view.
  readonly #context: ClientContext;

  constructor(options: ClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
    const key = options.apiKey;
    const userFetch = options.fetch;
    this.#context = {
      transport: {
        baseUrl: this.baseUrl,
        // The global fetch is read at the first call, not here: in Node, touching it loads undici.
        transport: options.transport ?? fetchTransport((url, init) => (userFetch ?? globalThis.fetch)(url, init)),
        headers: { ...lowerCaseNames(options.defaultHeaders), ...authHeaders(options) },
        timeout: nonNegative("timeout", options.timeout, 300_000),
        maxRetries: nonNegative("maxRetries", options.maxRetries, 2),
        holdOnRateLimit: options.holdOnRateLimit ?? true,
        rateLimit: new RateLimitState(options.rateLimitStore),
        logger: createLogger(options.logger ?? console, options.logLevel ?? "warn"),
        redact: (text) => sanitizeServerText(text, key),
        // 8 MiB: the API's answers are a few kilobytes, so this leaves a wide margin and bounds a hostile one.
        maxResponseBytes: nonNegative("maxResponseBytes", options.maxResponseBytes, 8 * 1024 * 1024),
      },
      estimates: new TaskEstimates(),
      validate: options.validate ?? true,
      instrumentation: options.instrumentation,
    };
    this.task = new Task(this.#context);
    this.seedream = new Seedream(this.#context);
    this.seedance = new Seedance(this.#context);
  }

  /** The quota as of the latest response (`limit`, `remaining`, `resetAt`). */
  get rateLimit(): RateLimit | undefined {
    return this.#context.transport.rateLimit.latest;
  }
}
