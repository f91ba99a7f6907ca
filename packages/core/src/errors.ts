// The error hierarchy. Every failure is an Error subclass with a message that says what went
// wrong and what to do; none ever carries the API key.
import type { CamelCase } from "./case.js";
import type { ErrorCode, ErrorDetails } from "./generated/types.gen.js";
import type { RateLimit } from "./transport/rate-limit.js";

/** Details of a rejected input, as the server sends them (camelCased). */
export type ValidationDetails = CamelCase<ErrorDetails>;

/** Base class of every error the SDK throws. */
export class SeedanceError extends Error {
  override name = "SeedanceError";
}

export interface APIErrorInit {
  status: number;
  /** The envelope's `error.code`; a code newer than this SDK passes through as a string. */
  code?: ErrorCode | (string & {});
  message: string;
  details?: ValidationDetails;
  requestId?: string;
  rateLimit?: RateLimit;
  headers: Headers;
}

/** The server answered with an error status. */
export class APIError extends SeedanceError {
  override name = "APIError";
  declare readonly status: number;
  declare readonly code: ErrorCode | (string & {}) | undefined;
  declare readonly details: ValidationDetails | undefined;
  declare readonly requestId: string | undefined;
  declare readonly rateLimit: RateLimit | undefined;
  declare readonly headers: Headers;

  constructor(init: APIErrorInit) {
    const { message, ...fields } = init;
    const { status, code, requestId } = fields;
    super(`${status}${code ? ` ${code}` : ""}: ${message}${requestId ? ` (request ${requestId})` : ""}`);
    // With a subclass's own fields (retryAfter, location): declared, so no initializer resets them.
    Object.assign(this, fields);
  }
}

export class BadRequestError extends APIError {
  override name = "BadRequestError";
}
export class AuthenticationError extends APIError {
  override name = "AuthenticationError";
}
export class PermissionDeniedError extends APIError {
  override name = "PermissionDeniedError";
}
export class NotFoundError extends APIError {
  override name = "NotFoundError";
}
export class ConflictError extends APIError {
  override name = "ConflictError";
}
export class RateLimitError extends APIError {
  override name = "RateLimitError";
  /** Milliseconds the server asked to wait before retrying, when it said. */
  declare readonly retryAfter: number | undefined;
  constructor(init: APIErrorInit & { retryAfter?: number }) {
    super(init);
  }
}
export class InternalServerError extends APIError {
  override name = "InternalServerError";
}
export class ServiceUnavailableError extends InternalServerError {
  override name = "ServiceUnavailableError";
}

const CLASS_BY_STATUS: Record<number, typeof APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  429: RateLimitError,
  503: ServiceUnavailableError,
};

/** The error class for an HTTP status. */
export function errorClassFor(status: number): typeof APIError {
  return CLASS_BY_STATUS[status] ?? (status >= 500 ? InternalServerError : APIError);
}

/**
 * The server answered with a redirect (3xx). The SDK never follows one: the key would go wherever the
 * server points. Not retried.
 */
export class RedirectError extends APIError {
  override name = "RedirectError";
  /**
   * Where the server pointed (its `Location`, sanitised and with the key redacted), or `undefined`
   * where the runtime hides it (a browser's opaque redirect, whose `status` is then 0).
   */
  declare readonly location: string | undefined;
  constructor(init: APIErrorInit & { location: string | undefined }) {
    super(init);
  }
}

/** A success status with a body this SDK cannot read (not JSON, or a required field of the wrong type). */
export class UnexpectedResponseError extends APIError {
  override name = "UnexpectedResponseError";
}

/** The request never got a complete answer (DNS, refused or reset connection, bad body stream). */
export class APIConnectionError extends SeedanceError {
  override name = "APIConnectionError";
}

/**
 * The response body was larger than `maxResponseBytes` (counted after decompression), or a download
 * larger than its `maxBytes`: the SDK stopped reading and closed the connection. Not retried.
 */
export class ResponseTooLargeError extends SeedanceError {
  override name = "ResponseTooLargeError";
  /** The limit that was passed, in bytes. */
  declare readonly limit: number;
  /** The response's HTTP status. */
  declare readonly status: number;
  /** `option`: the option that set the limit, which the message names. */
  constructor(limit: number, status: number, option = "maxResponseBytes") {
    super(
      `The response (status ${status}) is over ${option} (${limit} bytes); the connection was closed. ` +
        `Raise the ${option} option if the server really sends this much.`,
    );
    Object.assign(this, { limit, status });
  }
}

/** The call's `timeout` (retries included) ran out. */
export class APITimeoutError extends APIConnectionError {
  override name = "APITimeoutError";
}

/** The caller aborted the call through its `signal`. */
export class AbortError extends SeedanceError {
  override name = "AbortError";
}

/** A request was rejected before sending because it breaks the spec's constraints. */
export class ValidationError extends SeedanceError {
  override name = "ValidationError";
  /** Same codes as the server's: `INVALID_PROMPT` for the prompt, `INVALID_REQUEST` otherwise. */
  readonly code: Extract<ErrorCode, "INVALID_PROMPT" | "INVALID_REQUEST">;
  readonly details: ValidationDetails;
  constructor(message: string, details: ValidationDetails) {
    super(message);
    this.details = details;
    this.code = details.field === "prompt" ? "INVALID_PROMPT" : "INVALID_REQUEST";
  }
}

/** `waitForCompletion` ran past `maxWaitTime`; the task may still finish. */
export class WaitTimeoutError extends SeedanceError {
  override name = "WaitTimeoutError";
  readonly taskId: string;
  /** The last status seen before giving up, if any poll answered. */
  readonly lastStatus: unknown;
  constructor(taskId: string, waitedMs: number, lastStatus: unknown) {
    super(
      `Task ${taskId} did not finish within ${waitedMs} ms; it may still complete. ` +
        "Wait longer (maxWaitTime), poll getStatus later, or use a webhook.",
    );
    this.taskId = taskId;
    this.lastStatus = lastStatus;
  }
}
