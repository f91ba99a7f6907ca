// A key-adding proxy for browser apps: `(Request) => Promise<Response>`, mountable under any path in
// a Worker, a Next.js route, Deno.serve or (through @seedance/node) Node http and Express.
import { type ClientOptions, DEFAULT_BASE_URL, SeedanceError } from "@seedance/core";
import { API_OPERATIONS, type ApiOperation, createMatcher } from "./operations.js";
import { errorResponse, type ProxyPolicy } from "./policy.js";
import { createMemoryQuotaStore } from "./quota.js";
import { prepareBody } from "./request-body.js";

export interface ProxyOptions {
  /** Your API key, added to every forwarded request; it never reaches the browser. */
  apiKey: string;
  /** Default `https://api.seedance2api.com`. */
  baseUrl?: string | undefined;
  /** The operations to forward (default: every operation of the API). Anything else gets 403. */
  allow?: readonly ApiOperation[];
  policy?: ProxyPolicy;
  /** A custom fetch for the upstream calls, as the client's `fetch` option. */
  fetch?: ClientOptions["fetch"];
  /** Milliseconds an upstream call may take before the proxy answers 504 (default 300000, the API's advice). */
  timeout?: number;
  /** The largest request body forwarded (default 64 KiB: a generate request is a few hundred bytes). */
  maxBodyBytes?: number;
}

// Only these of the browser's headers go on: never its credentials (Authorization, X-API-Key,
// Cookie, …) nor anything else the API does not read. Idempotency-Key is checked with the body.
const FORWARDED_HEADERS = ["accept", "accept-language", "user-agent"];
// fetch has already decoded the body, so its encoding and length no longer describe what is sent.
const RESPONSE_HEADERS_DROPPED = [
  "content-encoding",
  "content-length",
  "transfer-encoding",
  "connection",
  "set-cookie",
];

export function createProxyHandler(options: ProxyOptions): (request: Request) => Promise<Response> {
  if (!options.apiKey) {
    throw new SeedanceError(
      "createProxyHandler needs your API key: pass { apiKey } (e.g. from env.SEEDANCE_API_KEY); the proxy adds it to every forwarded call.",
    );
  }
  const { timeout = 300_000, maxBodyBytes = 64 * 1024 } = options;
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
  const match = createMatcher(options.allow ?? API_OPERATIONS);
  const policy = options.policy ?? {};
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
    headers.set("Authorization", `Bearer ${options.apiKey}`);
    const signal = AbortSignal.any([request.signal, AbortSignal.timeout(timeout)]);
    const init: RequestInit = { method: operation.method, headers, signal };
    if (operation.method === "POST") {
      const prepared = await prepareBody(request, operation.id, { policy, user, maxBodyBytes, quotaStore });
      if (prepared instanceof Response) return prepared;
      headers.set("Content-Type", "application/json");
      if (prepared.idempotencyKey !== undefined) headers.set("Idempotency-Key", prepared.idempotencyKey);
      init.body = prepared.json;
    }

    let upstream: Response;
    try {
      upstream = await upstreamFetch(`${baseUrl}${operation.path}`, init);
    } catch {
      return signal.aborted && !request.signal.aborted
        ? errorResponse(504, "SERVICE_UNAVAILABLE", `The Seedance API did not answer within ${timeout} ms.`)
        : errorResponse(502, "SERVICE_UNAVAILABLE", "The proxy could not reach the Seedance API.");
    }
    const responseHeaders = new Headers(upstream.headers);
    for (const name of RESPONSE_HEADERS_DROPPED) responseHeaders.delete(name);
    return new Response(upstream.body, {
      status: upstream.status,
      statusText: upstream.statusText,
      headers: responseHeaders,
    });
  };
}
