// Maps @seedance/core's typed errors onto the AI SDK's error classes, so `ai`'s retry logic and its
// users see the usual `APICallError` (status, isRetryable, headers, body). Core has already scrubbed
// the API key from every message; nothing added here carries it.
import { APICallError, InvalidArgumentError } from "@ai-sdk/provider";
import { AbortError, APIConnectionError, APIError, APITimeoutError, ValidationError } from "@seedance/core";

/** What the provider knows about the call that failed. */
export interface FailedCall {
  url: string;
  requestBodyValues: unknown;
}

/** Statuses worth another attempt: the request timed out, hit the rate limit, or met a server fault. */
function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

export function toAISDKError(error: unknown, call: FailedCall): unknown {
  // Aborts stay aborts: `ai` recognises them and stops retrying.
  if (error instanceof AbortError) return error;
  if (error instanceof ValidationError) {
    return new InvalidArgumentError({ argument: error.details.field, message: error.message, cause: error });
  }
  if (error instanceof APIError) {
    return new APICallError({
      message: error.message,
      ...call,
      statusCode: error.status,
      responseHeaders: Object.fromEntries(error.headers),
      // The API's error envelope, as the server sent it (details camelCased by core).
      responseBody: JSON.stringify({
        status: "error",
        error: { code: error.code, message: error.message, details: error.details },
      }),
      isRetryable: isRetryableStatus(error.status),
      data: { code: error.code, requestId: error.requestId, details: error.details },
      cause: error,
    });
  }
  // Every POST carries an idempotency key, so a lost connection is safe to retry; a spent deadline is not.
  if (error instanceof APIConnectionError) {
    return new APICallError({
      message: error.message,
      ...call,
      isRetryable: !(error instanceof APITimeoutError),
      cause: error,
    });
  }
  return error;
}

/** Runs `operation`, rethrowing its failure as the AI SDK's error. */
export async function asAISDKCall<T>(call: FailedCall, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toAISDKError(error, call);
  }
}
