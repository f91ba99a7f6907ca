// The wire format shared by every operation: JSON envelopes and the headers the spec requires.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ErrorCode, ErrorDetails, ErrorResponse } from "@seedance/core/api";
import type { Quota } from "./rate-limit.ts";

/** An error answer: its HTTP status and the envelope's `error`; `retryAfter` (seconds) for 429/503. */
export interface ApiError {
  status: number;
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
  retryAfter?: number;
  /** Close the connection after answering (a request whose body was not read to its end). */
  closeConnection?: boolean;
  /** Extra headers (e.g. `Allow` on a 405). */
  headers?: Record<string, string>;
}

/** What an operation answers, before the per-request headers are added. */
export interface Reply extends Pick<ApiError, "retryAfter" | "closeConnection" | "headers"> {
  status: number;
  body: unknown;
}

export function errorReply({ status, code, message, details, ...rest }: ApiError): Reply {
  const body: ErrorResponse = { status: "error", error: { code, message, ...(details ? { details } : {}) } };
  return { status, body, ...rest };
}

export function newRequestId(): string {
  return `req_${randomUUID().replaceAll("-", "")}`;
}

export function sendReply(response: ServerResponse, reply: Reply, quota: Quota): void {
  const body = JSON.stringify(reply.body);
  response.writeHead(reply.status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(body),
    "X-RateLimit-Limit": quota.limit,
    "X-RateLimit-Remaining": quota.remaining,
    "X-RateLimit-Reset": quota.reset,
    ...(reply.retryAfter !== undefined
      ? { "Retry-After": String(reply.retryAfter), "X-RateLimit-RetryAfter": reply.retryAfter }
      : {}),
    ...(reply.closeConnection ? { Connection: "close" } : {}),
    ...reply.headers,
  });
  response.end(body);
}

/** The largest request body the simulator reads; the spec's bodies are a few hundred bytes. */
export const MAX_BODY_BYTES = 1_048_576;

/**
 * The request's body, read up to MAX_BODY_BYTES: its bytes, or a 400 when it is larger (the rest
 * is not read, and the connection closes after the answer).
 */
export async function readBody(request: IncomingMessage): Promise<Buffer | ApiError> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      const message = `The request body is larger than ${MAX_BODY_BYTES} bytes`;
      const details = { field: "body", constraint: "max_bytes", limit: MAX_BODY_BYTES };
      return { status: 400, code: "INVALID_REQUEST", message, details, closeConnection: true };
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** A body's JSON value (`undefined` when empty), or a 400 when it is not JSON. */
export function parseJson(body: Buffer): { json: unknown } | { error: ApiError } {
  const text = body.toString("utf8");
  try {
    return { json: text === "" ? undefined : JSON.parse(text) };
  } catch {
    const details = { field: "body", constraint: "json" };
    return { error: { status: 400, code: "INVALID_REQUEST", message: "The request body is not valid JSON", details } };
  }
}
