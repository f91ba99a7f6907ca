// The input space of each operation, derived from its request schema: positive cases at every
// boundary and every enum value of every constraint (minimum, maximum, each `fps`, each resolution,
// `num_images` 1 and 4, the longest prompt), and negative cases that break one constraint each.
import type { JsonSchema, SpecOperation } from "./spec.ts";

export interface BodyCase {
  /** What the case exercises, e.g. `duration = 30 (maximum)`. */
  label: string;
  /** The field it is about. */
  field: string;
  body: Record<string, unknown>;
}

export interface PathCase {
  label: string;
  id: string;
}

/** Fields whose valid values would make the server call out (a webhook), so they are not sent. */
const CALLS_OUT = new Set(["webhook_url"]);

const filler = (length: number) => "a".repeat(length);

/** A value of the wrong JSON type for `schema`. */
const wrongType = (schema: JsonSchema): unknown => (schema.type === "string" ? 12345 : "12345");

/** A value outside `schema`'s enum, of the right type. */
const outsideEnum = (schema: JsonSchema): unknown =>
  schema.type === "integer" || schema.type === "number"
    ? Math.max(...(schema.enum ?? []).map(Number)) + 1
    : "not-a-documented-value";

function positives(field: string, schema: JsonSchema): [string, unknown][] {
  if (CALLS_OUT.has(field)) return [];
  const cases: [string, unknown][] = [];
  for (const value of schema.enum ?? []) cases.push([`${field} = ${JSON.stringify(value)}`, value]);
  if (schema.minimum !== undefined) cases.push([`${field} = ${schema.minimum} (minimum)`, schema.minimum]);
  if (schema.maximum !== undefined) cases.push([`${field} = ${schema.maximum} (maximum)`, schema.maximum]);
  if (schema.minLength !== undefined && schema.minLength > 0)
    cases.push([`${field} of ${schema.minLength} characters (minLength)`, filler(schema.minLength)]);
  if (schema.maxLength !== undefined)
    cases.push([`${field} of ${schema.maxLength} characters (maxLength)`, filler(schema.maxLength)]);
  if (schema.format === "uri" && typeof schema.example === "string") cases.push([`${field} a URI`, schema.example]);
  return cases;
}

function negatives(field: string, schema: JsonSchema): [string, unknown][] {
  const cases: [string, unknown][] = [[`${field} of the wrong type`, wrongType(schema)]];
  if (schema.enum) cases.push([`${field} outside its enum`, outsideEnum(schema)]);
  if (schema.minimum !== undefined)
    cases.push([`${field} = ${schema.minimum - 1} (below minimum)`, schema.minimum - 1]);
  if (schema.maximum !== undefined)
    cases.push([`${field} = ${schema.maximum + 1} (above maximum)`, schema.maximum + 1]);
  if (schema.minLength !== undefined && schema.minLength > 0)
    cases.push([`${field} of ${schema.minLength - 1} characters (below minLength)`, filler(schema.minLength - 1)]);
  if (schema.maxLength !== undefined)
    cases.push([`${field} of ${schema.maxLength + 1} characters (above maxLength)`, filler(schema.maxLength + 1)]);
  if (schema.format === "uri") cases.push([`${field} not a URI`, "not a uri"]);
  return cases;
}

/** The valid and invalid bodies of an operation, each from its example with one field changed. */
export function bodyCases(operation: SpecOperation, resolve: (schema: JsonSchema) => JsonSchema) {
  const schema = operation.body;
  const example = operation.example;
  if (!schema || !example) return { positive: [], negative: [] };
  const positive: BodyCase[] = [];
  const negative: BodyCase[] = [];
  for (const [field, raw] of Object.entries(schema.properties ?? {})) {
    const property = resolve(raw);
    for (const [label, value] of positives(field, property))
      positive.push({ label, field, body: { ...example, [field]: value } });
    for (const [label, value] of negatives(field, property))
      negative.push({ label, field, body: { ...example, [field]: value } });
  }
  for (const field of schema.required ?? []) {
    const { [field]: _missing, ...body } = example;
    negative.push({ label: `without ${field} (required)`, field, body });
  }
  if (schema.additionalProperties === false)
    negative.push({ label: "an undocumented field", field: "body", body: { ...example, undocumented_field: 1 } });
  return { positive, negative };
}

/** Task ids that break the path parameter's schema (each should be a 400). */
export function pathNegatives(operation: SpecOperation): PathCase[] {
  const schema = operation.pathParameter?.schema;
  if (!schema) return [];
  const cases: PathCase[] = [];
  if (schema.pattern)
    cases.push({ label: `${operation.pathParameter?.name} not matching ${schema.pattern}`, id: "bad.id" });
  if (schema.maxLength !== undefined)
    cases.push({
      label: `${operation.pathParameter?.name} of ${schema.maxLength + 1} characters (above maxLength)`,
      id: filler(schema.maxLength + 1),
    });
  return cases;
}
