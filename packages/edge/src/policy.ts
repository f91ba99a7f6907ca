// Per-request policy a proxy applies before anything reaches the API: who may call, and what a
// request may ask for. Refusals are answered in the API's own error envelope, so the SDK on the
// other side throws its usual typed errors.
import type { ImageGenerationParams, VideoGenerationParams } from "@seedance/core";
import type { ErrorResponse } from "@seedance/core/api";

export type Resolution = NonNullable<ImageGenerationParams["resolution"] | VideoGenerationParams["resolution"]>;

export interface ProxyPolicy {
  /**
   * Decides whether this caller may use the proxy, e.g. from its session cookie (which is never
   * forwarded). `false` answers 403; a `Response` (e.g. a 401) is sent as it is.
   */
  authorize?: (request: Request) => boolean | Response | Promise<boolean | Response>;
  /** The longest video, in seconds, a request may ask for. */
  maxDuration?: number;
  /** When set, a generate request must name one of these resolutions. */
  resolutions?: readonly Resolution[];
}

export function errorResponse(status: number, code: ErrorResponse["error"]["code"], message: string): Response {
  const body: ErrorResponse = { status: "error", error: { code, message } };
  return Response.json(body, { status });
}

/** Why the request body breaks the policy, or undefined when it does not. */
export function policyViolation(policy: ProxyPolicy, body: unknown): string | undefined {
  const { duration, resolution } = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  if (policy.maxDuration !== undefined && typeof duration === "number" && duration > policy.maxDuration) {
    return `duration ${duration} s is over this proxy's limit of ${policy.maxDuration} s`;
  }
  if (policy.resolutions && !policy.resolutions.includes(resolution as Resolution)) {
    return `resolution must be one of ${policy.resolutions.join(", ")} on this proxy`;
  }
  return undefined;
}
