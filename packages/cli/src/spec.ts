// Choices, ranges and defaults for the flags, read from the bundled spec at run time so that no
// enum or limit is restated here: a model the spec adds shows up in `--help` with the next spec release.
import { createRequire } from "node:module";

interface Schema {
  $ref?: string;
  enum?: unknown[];
  example?: unknown;
  examples?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  properties?: Record<string, Schema>;
}

interface Spec {
  components: { schemas: Record<string, Schema> };
}

const spec = createRequire(import.meta.url)("@seedance/openapi/openapi.json") as Spec;

const resolve = (schema: Schema): Schema =>
  schema.$ref ? resolve(spec.components.schemas[schema.$ref.split("/").pop() as string] ?? {}) : schema;

export type RequestSchema = "ImageGenerationRequest" | "VideoGenerationRequest";

/** The schema of one wire (snake_case) field of a request body. */
export function fieldSchema(request: RequestSchema, field: string): Schema {
  const property = spec.components.schemas[request]?.properties?.[field];
  if (!property) throw new Error(`The bundled spec has no ${request}.${field}; rebuild @seedance/openapi.`);
  return resolve(property);
}

/**
 * What a help text says a value may be: `a | b | c` for an enum, `5–30` for a range, `1–300
 * characters` for a length, `e.g. a, b` for an open value with examples, else "".
 */
export function allowedValues(schema: Schema): string {
  if (schema.enum) return schema.enum.join(" | ");
  if (schema.minimum !== undefined && schema.maximum !== undefined) return `${schema.minimum}–${schema.maximum}`;
  if (schema.maxLength !== undefined) return `${schema.minLength ?? 0}–${schema.maxLength} characters`;
  return schema.examples ? `e.g. ${schema.examples.join(", ")}` : "";
}
