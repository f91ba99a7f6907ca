// A key-adding proxy for browser apps: `(Request) => Promise<Response>`, mountable under any path in
// a Worker, a Next.js route, Deno.serve or (through @seedance/node) Node http and Express.
import { type ClientOptions, DEFAULT_BASE_URL, type LogSink, SeedanceError } from "@seedance/core";
import { API_OPERATIONS, type ApiOperation, createMatcher } from "./operations.js";
import { errorResponse, type ProxyPolicy } from "./policy.js";
import { createMemoryQuotaStore } from "./quota.js";
import { prepareBody } from "./request-body.js";
import { relayUpstream } from "./upstream.js";
import { DEFAULT_READ_TIMEOUT_MS } from "./webhooks/body.js";

export interface ProxyOptions {
  /** Your API key, added to every forwarded request; it never reaches the browser. */
  apiKey: string;
  /** Default `https://api.seedance2api.com`. */
  baseUrl?: string | undefined;
  /** The operations to forward (default: every operation of the API). Anything else gets 403. */
  allow?: readonly ApiOperation[];
  /** Who may call and what they may ask for; `policy.authorize` is required unless `allowAnonymous`. */
  policy?: ProxyPolicy;
  /**
   * Forward requests without `policy.authorize`, so that anyone who can reach the proxy spends your
   * key. Off by default: the proxy refuses to start without `authorize` unless this is `true`, and
   * then logs one warning.
   */
  allowAnonymous?: boolean;
  /** Where that warning goes (default `console`). */
  logger?: Pick<LogSink, "warn">;
  /** A custom fetch for the upstream calls, as the client's `fetch` option. */
  fetch?: ClientOptions["fetch"];
  /** Milliseconds an upstream call may take before the proxy answers 504 (default 300000, the API's advice). */
  timeout?: number;
  /** The largest request body forwarded (default 64 KiB: a generate request is a few hundred bytes). */
  maxBodyBytes?: number;
  /** Milliseconds a request body may take to arrive (default 10000); a slower browser gets 408. */
  readTimeout?: number;
  /** The largest upstream answer relayed, after decompression (default 8 MiB, as the client's); a larger one is a 502. */
  maxResponseBytes?: number;
}

// Only these of the browser's headers go on: never its credentials (Authorization, X-API-Key,
// Cookie, …) nor anything else the API does not read. Idempotency-Key is checked with the body.
const FORWARDED_HEADERS = ["accept", "accept-language", "user-agent"];

const ANONYMOUS_WARNING =
  "[seedance] createProxyHandler with allowAnonymous: anyone who can reach it spends your API key (set policy.authorize).";

export function createProxyHandler(options: ProxyOptions): (request: Request) => Promise<Response> {
  if (!options.apiKey) {
    throw new SeedanceError(
      "createProxyHandler needs your API key: pass { apiKey } (e.g. from env.SEEDANCE_API_KEY); the proxy adds it to every forwarded call.",
    );
  }
  const policy = options.policy ?? {};
  if (!policy.authorize) {
    if (options.allowAnonymous !== true) {
      throw new SeedanceError(
        "createProxyHandler needs policy.authorize, to decide who may spend your API key; to forward anyone's " +
          "requests (a local tool, a demo), pass allowAnonymous: true.",
      );
    }
    (options.logger ?? console).warn(ANONYMOUS_WARNING);
  }
  const {
    apiKey,
    timeout = 300_000,
    maxBodyBytes = 64 * 1024,
    readTimeout = DEFAULT_READ_TIMEOUT_MS,
    maxResponseBytes = 8 * 1024 * 1024,
  } = options;
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
  const match = createMatcher(options.allow ?? API_OPERATIONS);
  const quotaStore = policy.quota && (policy.quota.store ?? createMemoryQuotaStore());
  const upstreamFetch = options.fetch ?? ((url: string, init: RequestInit) => globalThis.fetch(url, init));

  return async (request) => {
    const operation = await match(request.method, new URL(request.url).pathname);
    if (!operation)
      return errorResponse(403, "FORBIDDEN", `${request.method} is not allowed on this path by this proxy.`);

    const verdict = policy.authorize ? await policy.authorize(request) : true;
    if (verdict instanceof Response) return verdict;
    if (!verdict) return errorResponse(403, "FORBIDDEN", "This proxy did not authorize the request.");
    const user = verdict === true ? undefined : verdict.user;

    const headers = new Headers();
    for (const name of FORWARDED_HEADERS) {
      const value = request.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    headers.set("Authorization", `Bearer ${apiKey}`);
    const signal = AbortSignal.any([request.signal, AbortSignal.timeout(timeout)]);
    // "manual": a redirect is answered 502 by relayUpstream, never followed with the key.
    const init: RequestInit = { method: operation.method, headers, signal, redirect: "manual" };
    if (operation.method === "POST") {
      const context = { policy, user, maxBodyBytes, readTimeout, quotaStore };
      const prepared = await prepareBody(request, operation.id, context);
      if (prepared instanceof Response) return prepared;
      headers.set("Content-Type", "application/json");
      if (prepared.idempotencyKey !== undefined) headers.set("Idempotency-Key", prepared.idempotencyKey);
      init.body = prepared.json;
    }

    try {
      const upstream = await upstreamFetch(`${baseUrl}${operation.path}`, init);
      return await relayUpstream(upstream, { apiKey, maxResponseBytes, signal });
    } catch {
      return signal.aborted && !request.signal.aborted
        ? errorResponse(504, "SERVICE_UNAVAILABLE", `The Seedance API did not answer within ${timeout} ms.`)
        : errorResponse(502, "SERVICE_UNAVAILABLE", "The proxy could not reach the Seedance API.");
    }
  };
}
