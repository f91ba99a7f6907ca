// Client-side validation with the generated valibot schemas, so every limit comes from the spec.
// A rejected request becomes a ValidationError shaped like the server's INVALID_* errors.
import { type BaseIssue, isValiError } from "valibot";
import { ValidationError } from "./errors.js";
import * as operations from "./generated/sdk.gen.js";

/** Server-style constraint names for valibot's issue types where they differ. */
const CONSTRAINTS: Record<string, string> = {
  picklist: "enum",
  strict_object: "unknown_field",
  min_value: "minimum",
  max_value: "maximum",
};

function fieldOf(issue: BaseIssue<unknown>): string {
  // The generated validator checks `{ body, path, ... }`: drop that first segment.
  const keys = (issue.path ?? []).map((item) => String(item.key));
  return keys.slice(1).join(".") || keys.join(".");
}

export function toValidationError(issue: BaseIssue<unknown>): ValidationError {
  const missing = issue.input === undefined && issue.kind === "schema";
  const constraint = missing ? "required" : (CONSTRAINTS[issue.type] ?? issue.type);
  const field = fieldOf(issue);
  const limit = issue.type === "strict_object" ? undefined : issue.requirement;
  const message = missing
    ? `${field} is required.`
    : `Invalid ${field}: ${issue.message}. The request was not sent; fix the value, or pass validate: false to let the server decide.`;
  return new ValidationError(message, { field, value: issue.input, constraint, limit });
}

/** Runs a generated request validator; a rejection becomes a ValidationError for its first issue. */
export async function validateRequest(validator: (data: unknown) => Promise<unknown>, data: unknown): Promise<void> {
  try {
    await validator(data);
  } catch (error) {
    const issue = isValiError(error) ? error.issues[0] : undefined;
    throw issue ? toValidationError(issue) : error;
  }
}

/** The name of a generated operation (the spec's operationId), e.g. `generateVideo`. */
export type OperationId = keyof typeof operations;

type RequestValidator = (data: unknown) => Promise<unknown>;
type RecordingClient = { get: typeof echo; post: typeof echo };
const echo = (request: { requestValidator?: RequestValidator }) => request;
const generated: Record<OperationId, (options: { client: RecordingClient }) => unknown> = operations as never;

/** The validator a generated operation hands its client, read by calling it with a client that returns its request. */
function requestValidatorOf(operationId: OperationId): RequestValidator | undefined {
  const request = generated[operationId]({ client: { get: echo, post: echo } }) as ReturnType<typeof echo>;
  return request.requestValidator;
}

/**
 * Checks a request to `operationId` (its `body`, `path` and `headers` parameters) against the spec,
 * exactly as the SDK does before sending; a rejection throws a ValidationError naming the field. For
 * code that forwards requests it did not build, such as @seedance/edge's proxy.
 */
export async function validateOperationRequest(
  operationId: OperationId,
  data: { body?: unknown; path?: Record<string, unknown>; headers?: Record<string, unknown> },
): Promise<void> {
  const validator = requestValidatorOf(operationId);
  if (validator) await validateRequest(validator, data);
}
