// Client-side validation with the generated valibot schemas, so every limit comes from the spec.
// A rejected request becomes a ValidationError shaped like the server's INVALID_* errors.
import { type BaseIssue, isValiError } from "valibot";
import { ValidationError } from "./errors.js";

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
