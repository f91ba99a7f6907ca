// Checks a success body against the generated response schema, leniently: a newer server may add
// fields, enum values or formats (forward compatibility), but a required field of the wrong type or
// missing altogether is an error the caller should see rather than an `undefined` later.
import { type GenericSchema, safeParse } from "valibot";
import { UnexpectedResponseError } from "./errors.js";
import { baseInit } from "./transport/response.js";
import type { RawResult } from "./transport/send.js";

/** Issue types a newer server can legitimately cause: values outside the enums this SDK knows. */
const FORWARD_COMPATIBLE = new Set(["picklist", "enum", "literal"]);

export function checkResponse(schema: GenericSchema, result: RawResult): void {
  const parsed = safeParse(schema, result.body);
  if (parsed.success) return;
  const issue = parsed.issues.find((item) => item.kind === "schema" && !FORWARD_COMPATIBLE.has(item.type));
  if (!issue) return;
  const field = (issue.path ?? []).map((item) => String(item.key)).join(".");
  throw new UnexpectedResponseError({
    ...baseInit(result.response, result.rateLimit),
    message: `The response does not match the API: ${field || "body"}: ${issue.message}`,
  });
}
