// Client-side validation with the checks generated from the spec (generated/validators.gen.ts), so
// every limit comes from the spec. A rejected request becomes a ValidationError shaped like the
// server's INVALID_* errors.
import { ValidationError } from "./errors.js";
import { type Issue, OPERATIONS, type OperationSpec } from "./generated/validators.gen.js";

/** What each constraint expects, `#` standing for its limit. */
const EXPECTED: Record<string, string> = {
  type: "a value of type #",
  enum: "one of #",
  min_length: "at least # characters",
  max_length: "at most # characters",
  minimum: "at least #",
  maximum: "at most #",
  regex: "a match of /#/",
  format: "a valid #",
  dot_segment: "an id, not dots (a path segment: another URL)",
};

export function toValidationError(issue: Issue): ValidationError {
  const field = issue.field || "body";
  const { constraint, limit } = issue;
  const expected = EXPECTED[constraint]?.replace("#", Array.isArray(limit) ? limit.join(", ") : String(limit));
  const message =
    constraint === "required"
      ? `${field} is required.`
      : `${expected ? `Invalid ${field}: expected ${expected}` : `Unknown field ${field}`}. The request was not sent${
          // validate: false does not let a dot segment through.
          constraint === "dot_segment" ? "." : "; fix the value, or pass validate: false to let the server decide."
        }`;
  return new ValidationError(message, { field, value: issue.value, constraint, limit });
}

/**
 * A path parameter made only of dots (`.`, `..`): encodeURIComponent leaves dots alone, so the URL
 * would address another resource (`/v1/tasks/..` is `/v1/`). Rejected whether or not validation is on.
 */
export function dotSegmentIssue(path: Record<string, unknown> | undefined): Issue | undefined {
  for (const field in path) {
    const value = path[field];
    if (/^\.+$/.test(String(value))) return { field, value, constraint: "dot_segment" };
  }
  return undefined;
}

/** The name of an operation of the spec (its operationId), e.g. `generateVideo`. */
export type OperationId = keyof typeof OPERATIONS;

/**
 * Checks a request to `operationId` (its `path` parameters, `headers` by the spec's names, and `body`)
 * against the spec, exactly as the SDK does before sending; a rejection throws a ValidationError
 * naming the field. For code that forwards requests it did not build, such as @seedance/edge's proxy.
 */
export async function validateOperationRequest(
  operationId: OperationId,
  data: { body?: unknown; path?: Record<string, unknown>; headers?: Record<string, unknown> },
): Promise<void> {
  const operation: OperationSpec = OPERATIONS[operationId];
  const issue =
    dotSegmentIssue(data.path) ??
    (data.path && operation.checkPath?.(data.path)) ??
    (data.headers && operation.checkHeaders?.(data.headers)) ??
    ("body" in data ? operation.checkBody?.(data.body) : undefined);
  if (issue) throw toValidationError(issue);
}
