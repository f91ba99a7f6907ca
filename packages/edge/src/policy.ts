// Per-request policy a proxy applies before anything reaches the API: who may call, what a request
// may ask for, where its webhooks go and how many requests each caller gets. Refusals are answered
// in the API's own error envelope, so the SDK on the other side throws its usual typed errors.
import type { ImageGenerationParams, ValidationError, VideoGenerationParams } from "@seedance/core";
import type { ErrorResponse } from "@seedance/core/api";
import type { QuotaStore } from "./quota.js";

export type Resolution = NonNullable<ImageGenerationParams["resolution"] | VideoGenerationParams["resolution"]>;

/** Who is calling, as `authorize` says: the key each caller's quota is counted under. */
export interface ProxyIdentity {
  user: string;
}

/** What `authorize` decides: no (`false`), yes (`true`), yes for this caller, or this exact response. */
export type Authorization = boolean | ProxyIdentity | Response;

/** What a `webhookUrl` function is told about the request. */
export interface WebhookUrlContext {
  /** The caller `authorize` named, if any. */
  user: string | undefined;
  /** The `webhook_url` the browser sent, already checked to be a URL the spec accepts. */
  requested: string | undefined;
}

export interface ProxyPolicy {
  /**
   * Decides whether this caller may use the proxy, e.g. from its session cookie (which is never
   * forwarded). `false` answers 403; a `Response` (e.g. a 401) is sent as it is; `{ user }` allows
   * the request and counts it against that user's `quota`.
   */
  authorize?: (request: Request) => Authorization | Promise<Authorization>;
  /** The longest video, in seconds, a request may ask for. */
  maxDuration?: number;
  /** When set, a generate request must name one of these resolutions. */
  resolutions?: readonly Resolution[];
  /**
   * Where the API delivers this generation's webhooks: a URL set on every generate request whatever
   * the browser sent, or a function of the request (return the browser's `requested` URL to accept
   * it, `undefined` for no webhook). Without it, a request that names a `webhook_url` gets 403.
   */
  webhookUrl?:
    | string
    | ((request: Request, context: WebhookUrlContext) => string | undefined | Promise<string | undefined>);
  /** At most `requests` generate requests per caller in a window of `windowSeconds`; more get 429. */
  quota?: QuotaPolicy;
}

export interface QuotaPolicy {
  requests: number;
  windowSeconds: number;
  /** Where the counts are kept (default: this instance's memory, see `createMemoryQuotaStore`). */
  store?: QuotaStore;
}

export function errorResponse(
  status: number,
  code: ErrorResponse["error"]["code"],
  message: string,
  init: { details?: ErrorResponse["error"]["details"]; headers?: HeadersInit } = {},
): Response {
  const body: ErrorResponse = { status: "error", error: { code, message, details: init.details } };
  return Response.json(body, { status, headers: init.headers });
}

/** 400 for a request the spec rejects, with the field and constraint the SDK's ValidationError names. */
export function validationResponse(error: ValidationError): Response {
  const { field, constraint, limit } = error.details;
  const bound = limit === undefined ? "" : ` ${JSON.stringify(limit)}`;
  return errorResponse(
    400,
    error.code,
    `Invalid ${field} (${constraint}${bound}): this proxy forwards only requests the API accepts.`,
    { details: { field, constraint, limit } },
  );
}

/** The webhook_url to send (undefined for none), or the refusal of the one the browser chose. */
export async function resolveWebhookUrl(
  policy: ProxyPolicy,
  request: Request,
  context: WebhookUrlContext,
): Promise<string | undefined | Response> {
  const { webhookUrl } = policy;
  if (typeof webhookUrl === "string") return webhookUrl;
  if (webhookUrl) return webhookUrl(request, context);
  if (context.requested === undefined) return undefined;
  return errorResponse(
    403,
    "FORBIDDEN",
    "webhook_url is chosen by this proxy, not the browser: set policy.webhookUrl to a fixed URL, or to a function of the request that may return the browser's own.",
  );
}

/** Why the (validated) request body breaks the policy, or undefined when it does not. */
export function policyViolation(
  policy: ProxyPolicy,
  body: { duration?: unknown; resolution?: unknown },
): string | undefined {
  const { duration, resolution } = body;
  if (policy.maxDuration !== undefined && typeof duration === "number" && duration > policy.maxDuration) {
    return `duration ${duration} s is over this proxy's limit of ${policy.maxDuration} s`;
  }
  if (policy.resolutions && !policy.resolutions.includes(resolution as Resolution)) {
    return `resolution must be one of ${policy.resolutions.join(", ")} on this proxy`;
  }
  return undefined;
}

/** Counts a generate request against its caller's quota; the 429 that refuses it once over, else undefined. */
export async function quotaRefusal(
  quota: QuotaPolicy,
  store: QuotaStore,
  user: string | undefined,
): Promise<Response | undefined> {
  const { requests, windowSeconds } = quota;
  // Callers authorized without an identity share one count.
  const key = user === undefined ? "anonymous" : `user:${user}`;
  const { count, resetSeconds } = await store.increment(key, windowSeconds);
  if (count <= requests) return undefined;
  return errorResponse(
    429,
    "RATE_LIMITED",
    `This proxy allows ${requests} generate requests per ${windowSeconds} s per user; try again in ${resetSeconds} s.`,
    { headers: { "Retry-After": String(resetSeconds) } },
  );
}
