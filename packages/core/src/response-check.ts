// Checks a success body against the spec's response schema, leniently: a newer server may add
// fields, enum values or formats (forward compatibility), but a required field of the wrong type or
// missing altogether is an error the caller should see rather than an `undefined` later.
import { UnexpectedResponseError } from "./errors.js";
import type { OperationSpec } from "./generated/validators.gen.js";
import { baseInit, type Redact } from "./transport/response.js";
import type { RawResult } from "./transport/send.js";

export function checkResponse(operation: OperationSpec, result: RawResult, redact: Redact): void {
  const issue = operation.checkResponse(result.body);
  if (!issue) return;
  const problem = issue.constraint === "required" ? "missing" : `expected ${issue.limit}`;
  throw new UnexpectedResponseError({
    ...baseInit(result.response, result.rateLimit, redact),
    message: `The response does not match the API: ${issue.field || "body"}: ${problem}`,
  });
}
