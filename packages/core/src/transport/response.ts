// Turns a transport response into the SDK's result or its typed error; tolerant of bodies that are not what
// the spec promises, because proxies and outages produce HTML, empty and truncated bodies. Every piece
// of server text that goes into an error passes through `redact` (the client's sanitizeServerText).
import { toCamelCaseText } from "../case.js";
import {
  type APIErrorInit,
  errorClassFor,
  RateLimitError,
  RedirectError,
  UnexpectedResponseError,
  type ValidationDetails,
} from "../errors.js";
import type { ErrorResponse } from "../generated/types.gen.js";
import type { RateLimit } from "./rate-limit.js";
import { serverRetryDelay } from "./retry.js";
import type { TransportResponse } from "./transport.js";

const BODY_EXCERPT = 200;

/** Server text on its way into an error, a log line or a terminal: sanitised, the API key redacted. */
export type Redact = (text: string) => string;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The start of a body, redacted before it is cut so that no part of a key survives the cut. */
const excerpt = (text: string, redact: Redact) => redact(text).slice(0, BODY_EXCERPT);

/** What every error carries about the response (a `Headers` is built only here, on the error path). */
export function baseInit(
  response: Pick<TransportResponse, "status" | "headers">,
  rateLimit: RateLimit | undefined,
  redact: Redact,
) {
  const headers = new Headers();
  for (const name in response.headers) headers.set(name, redact(response.headers[name] as string));
  const requestId = response.headers["x-request-id"];
  return { status: response.status, requestId: requestId && redact(requestId), rateLimit, headers };
}

/** The typed error for an error status, from the envelope when there is one, else from the raw text. */
export function errorFromBody(response: TransportResponse, rateLimit: RateLimit | undefined, redact: Redact): Error {
  const text = response.body;
  const envelope = parseJson(text) as Partial<ErrorResponse> | undefined;
  const error = typeof envelope?.error === "object" && envelope.error !== null ? envelope.error : undefined;
  const message =
    typeof error?.message === "string"
      ? redact(error.message)
      : `the body was not the API's error envelope: ${excerpt(text, redact) || "(empty)"}`;
  const init: APIErrorInit = {
    ...baseInit(response, rateLimit, redact),
    code: typeof error?.code === "string" ? redact(error.code) : undefined,
    message,
    details: error?.details ? (toCamelCaseText(error.details, redact) as ValidationDetails) : undefined,
  };
  const ErrorClass = errorClassFor(response.status);
  return ErrorClass === RateLimitError
    ? new RateLimitError({ ...init, retryAfter: serverRetryDelay(response.headers) })
    : new ErrorClass(init);
}

/** A 3xx, which the SDK never follows: the key would go wherever the server points. */
export function redirectError(response: TransportResponse, rateLimit: RateLimit | undefined, redact: Redact) {
  const location = response.headers.location === undefined ? undefined : redact(response.headers.location);
  return new RedirectError({
    ...baseInit(response, rateLimit, redact),
    location,
    message: `redirected to ${location ?? "an address the runtime hides"}; the SDK never follows redirects, so that the key stays with the API's origin: set baseUrl to the final address.`,
  });
}

/** The parsed JSON of a success response, or an UnexpectedResponseError naming what arrived instead. */
export function successBody(response: TransportResponse, rateLimit: RateLimit | undefined, redact: Redact): unknown {
  const text = response.body;
  const body = parseJson(text);
  if (body === undefined || body === null || typeof body !== "object") {
    throw new UnexpectedResponseError({
      ...baseInit(response, rateLimit, redact),
      message: `expected a JSON object, got: ${excerpt(text, redact) || "(empty body)"}`,
    });
  }
  return body;
}
