// Turns a transport response into the SDK's result or its typed error; tolerant of bodies that are not what
// the spec promises, because proxies and outages produce HTML, empty and truncated bodies.
import { toCamelCase } from "../case.js";
import { type APIErrorInit, errorClassFor, RateLimitError, UnexpectedResponseError } from "../errors.js";
import type { ErrorResponse } from "../generated/types.gen.js";
import type { RateLimit } from "./rate-limit.js";
import { serverRetryDelay } from "./retry.js";
import type { TransportResponse } from "./transport.js";

const BODY_EXCERPT = 200;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** What every error carries about the response (a `Headers` is built only here, on the error path). */
export function baseInit(response: Pick<TransportResponse, "status" | "headers">, rateLimit: RateLimit | undefined) {
  return {
    status: response.status,
    requestId: response.headers["x-request-id"],
    rateLimit,
    headers: new Headers(response.headers),
  };
}

/** The typed error for an error status, from the envelope when there is one, else from the raw text. */
export function errorFromBody(
  response: TransportResponse,
  rateLimit: RateLimit | undefined,
  redact: (text: string) => string,
): Error {
  const text = response.body;
  const envelope = parseJson(text) as Partial<ErrorResponse> | undefined;
  const error = typeof envelope?.error === "object" && envelope.error !== null ? envelope.error : undefined;
  const message =
    typeof error?.message === "string"
      ? error.message
      : `the body was not the API's error envelope: ${text.slice(0, BODY_EXCERPT) || "(empty)"}`;
  const init: APIErrorInit = {
    ...baseInit(response, rateLimit),
    code: typeof error?.code === "string" ? error.code : undefined,
    message: redact(message),
    details: error?.details ? toCamelCase(error.details) : undefined,
  };
  const ErrorClass = errorClassFor(response.status);
  return ErrorClass === RateLimitError
    ? new RateLimitError({ ...init, retryAfter: serverRetryDelay(response.headers) })
    : new ErrorClass(init);
}

/** The parsed JSON of a success response, or an UnexpectedResponseError naming what arrived instead. */
export function successBody(response: TransportResponse, rateLimit: RateLimit | undefined): unknown {
  const text = response.body;
  const body = parseJson(text);
  if (body === undefined || body === null || typeof body !== "object") {
    throw new UnexpectedResponseError({
      ...baseInit(response, rateLimit),
      message: `expected a JSON object, got: ${text.slice(0, BODY_EXCERPT) || "(empty body)"}`,
    });
  }
  return body;
}
