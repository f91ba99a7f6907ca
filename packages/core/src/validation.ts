// Client-side validation with the checks generated from the spec (generated/validators.gen.ts), so
// every limit comes from the spec. A rejected request becomes a ValidationError shaped like the
// server's INVALID_* errors.
import { ValidationError } from "./errors.js";
import type { Issue } from "./generated/validators.gen.js";

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
};

export function toValidationError(issue: Issue): ValidationError {
  const field = issue.field || "body";
  const { constraint, limit } = issue;
  const expected = EXPECTED[constraint]?.replace("#", Array.isArray(limit) ? limit.join(", ") : String(limit));
  const message =
    constraint === "required"
      ? `${field} is required.`
      : `${expected ? `Invalid ${field}: expected ${expected}` : `Unknown field ${field}`}. The request was not sent; fix the value, or pass validate: false to let the server decide.`;
  return new ValidationError(message, { field, value: issue.value, constraint, limit });
}
