// Request checks: core's compiled checks of the spec (`OPERATIONS`, the same ones the SDK runs
// before sending), so every limit lives in the spec alone. A violation becomes the spec's 400.
import { OPERATIONS, type OperationSpec, type ValidationIssue } from "@seedance/core";
import type { ErrorDetails } from "@seedance/core/api";
import type { ApiError } from "./http.ts";

const MAX_ECHOED_LENGTH = 100;

export type OperationId = keyof typeof OPERATIONS;

/** The spec's operation for an operationId, with its URL template and checks. */
export const operationSpec = (id: OperationId): OperationSpec => OPERATIONS[id];

/** What a request carries, by the spec's names: path parameters, headers (those the operation declares) and body. */
export interface RequestInput {
  path?: Record<string, unknown>;
  headers?: Record<string, unknown>;
  body?: unknown;
}

/** The first way the request breaks the spec (path, then headers, then body), as the spec's 400. */
export function checkRequest(operation: OperationSpec, input: RequestInput): ApiError | undefined {
  const issue =
    (input.path && operation.checkPath?.(input.path)) ??
    (input.headers && operation.checkHeaders?.(input.headers)) ??
    ("body" in input ? operation.checkBody?.(input.body) : undefined);
  return issue && invalid(issue);
}

const list = (limit: unknown) => (Array.isArray(limit) ? limit.join(", ") : String(limit));

const MESSAGES: Record<string, (field: string, limit: unknown) => string> = {
  required: (field) => `${field} is required`,
  additional_properties: (field) => `${field} is not a known field`,
  type: (field, limit) => `${field} must be of type ${limit}`,
  enum: (field, limit) => `${field} must be one of: ${list(limit)}`,
  min_length: (field, limit) =>
    limit === 1 ? `${field} must not be empty` : `${field} is too short (min ${limit} characters)`,
  max_length: (field, limit) => `${field} is too long (max ${limit} characters)`,
  minimum: (field, limit) => `${field} must be at least ${limit}`,
  maximum: (field, limit) => `${field} must be at most ${limit}`,
  regex: (field, limit) => `${field} must match ${limit}`,
  format: (field, limit) => `${field} must be a valid ${limit}`,
};

/** The rejected value as the answer repeats it: a scalar, a long string truncated; objects are left out. */
function echoed(value: unknown): unknown {
  if (typeof value === "string" && value.length > MAX_ECHOED_LENGTH) return `${value.slice(0, MAX_ECHOED_LENGTH)}…`;
  return typeof value === "object" && value !== null ? undefined : value;
}

/** A 400 for `issue`: INVALID_PROMPT for the prompt, INVALID_REQUEST for anything else. */
export function invalid(issue: ValidationIssue | ErrorDetails, message?: string): ApiError {
  const field = issue.field || "body";
  const text = message ?? MESSAGES[issue.constraint]?.(field, issue.limit) ?? `${field} is invalid`;
  const value = echoed(issue.value);
  const details: ErrorDetails = {
    field,
    constraint: issue.constraint,
    ...(value !== undefined ? { value } : {}),
    ...(issue.limit !== undefined ? { limit: issue.limit } : {}),
  };
  return {
    status: 400,
    code: field === "prompt" ? "INVALID_PROMPT" : "INVALID_REQUEST",
    // "Prompt is too long", but "num_images must be at most 4": an identifier keeps its spelling.
    message: /^[a-z]+ /.test(text) ? text.charAt(0).toUpperCase() + text.slice(1) : text,
    details,
  };
}
