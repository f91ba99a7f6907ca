// Request validation driven by the spec's own schemas, answering with the spec's 400 shape.
// Prism validates requests in front of the sandbox too; this keeps direct calls honest.
import type { ErrorDetails } from "@seedance/core/api";
import type { ApiError } from "./http.ts";
import { type Schema, schemaOf } from "./spec.ts";

const MAX_ECHOED_LENGTH = 100;

/** The first way `body` breaks the named request schema, as a 400 error. */
export function validateBody(body: unknown, schemaName: string): ApiError | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return invalid({ field: "body", constraint: "type", limit: "object" });
  }
  const schema = schemaOf(schemaName);
  const fields = body as Record<string, unknown>;
  for (const field of schema.required ?? []) {
    if (fields[field] === undefined) return invalid({ field, constraint: "required" });
  }
  for (const [field, value] of Object.entries(fields)) {
    const property = schema.properties?.[field];
    if (!property) {
      if (schema.additionalProperties === false) return invalid({ field, value, constraint: "additional_properties" });
      continue;
    }
    const details = violation(schemaOf(property), value);
    if (details) return invalid({ field, value, ...details });
  }
  return undefined;
}

function violation(schema: Schema, value: unknown): Omit<ErrorDetails, "field" | "value"> | undefined {
  if (schema.type && !hasType(value, schema.type)) return { constraint: "type", limit: schema.type };
  if (schema.enum && !schema.enum.includes(value)) return { constraint: "enum", limit: schema.enum };
  if (typeof value === "string") {
    if (schema.minLength !== undefined && value.length < schema.minLength) {
      return { constraint: "min_length", limit: schema.minLength };
    }
    if (schema.maxLength !== undefined && value.length > schema.maxLength) {
      return { constraint: "max_length", limit: schema.maxLength };
    }
    if (schema.format === "uri" && !URL.canParse(value)) return { constraint: "format", limit: "uri" };
  }
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum) return { constraint: "minimum", limit: schema.minimum };
    if (schema.maximum !== undefined && value > schema.maximum) return { constraint: "maximum", limit: schema.maximum };
  }
  return undefined;
}

function hasType(value: unknown, type: string): boolean {
  if (type === "integer") return Number.isInteger(value);
  if (type === "object") return typeof value === "object" && value !== null && !Array.isArray(value);
  return typeof value === type;
}

const MESSAGES: Record<string, (details: ErrorDetails) => string> = {
  required: ({ field }) => `${field} is required`,
  additional_properties: ({ field }) => `${field} is not a known field`,
  type: ({ field, limit }) => `${field} must be of type ${limit}`,
  enum: ({ field, limit }) => `${field} must be one of: ${(limit as unknown[]).join(", ")}`,
  min_length: ({ field, limit }) => `${field} is too short (min ${limit} characters)`,
  max_length: ({ field, limit }) => `${field} is too long (max ${limit} characters)`,
  minimum: ({ field, limit }) => `${field} must be at least ${limit}`,
  maximum: ({ field, limit }) => `${field} must be at most ${limit}`,
  format: ({ field, limit }) => `${field} must be a valid ${limit}`,
};

function invalid(details: ErrorDetails): ApiError {
  const message = MESSAGES[details.constraint]?.(details) ?? `${details.field} is invalid`;
  const value = details.value;
  return {
    status: 400,
    code: details.field === "prompt" ? "INVALID_PROMPT" : "INVALID_REQUEST",
    message: message.charAt(0).toUpperCase() + message.slice(1),
    details: {
      ...details,
      ...(typeof value === "string" && value.length > MAX_ECHOED_LENGTH
        ? { value: `${value.slice(0, MAX_ECHOED_LENGTH)}…` }
        : {}),
    },
  };
}
