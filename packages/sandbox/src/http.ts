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
}

/** What an operation answers, before the per-request headers are added. */
export interface Reply {
  status: number;
  body: unknown;
  retryAfter?: number;
}

export function errorReply({ status, code, message, details, retryAfter }: ApiError): Reply {
  const body: ErrorResponse = { status: "error", error: { code, message, ...(details ? { details } : {}) } };
  return { status, body, ...(retryAfter !== undefined ? { retryAfter } : {}) };
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
  });
  response.end(body);
}

/** The request's JSON body (`undefined` when empty), or a 400 when it is not JSON. */
export async function readJson(request: IncomingMessage): Promise<{ json: unknown } | { error: ApiError }> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return { json: text === "" ? undefined : JSON.parse(text) };
  } catch {
    const details = { field: "body", constraint: "json" };
    return { error: { status: 400, code: "INVALID_REQUEST", message: "The request body is not valid JSON", details } };
  }
}
