// The bundled OpenAPI document, read at start-up, with its `$ref`s inlined: MCP clients want each
// tool's JSON Schema self-contained.
import { createRequire } from "node:module";

export type JsonSchema = { [keyword: string]: unknown };

interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  description?: string;
  schema: JsonSchema;
}

interface MediaTypes {
  content?: Record<string, { schema?: JsonSchema }>;
}

export interface Operation {
  operationId: string;
  summary?: string;
  description?: string;
  parameters?: (Parameter | { $ref: string })[];
  requestBody?: MediaTypes | { $ref: string };
  responses: Record<string, MediaTypes | { $ref: string }>;
}

export interface SpecOperation {
  method: string;
  path: string;
  operation: Operation;
}

const spec = createRequire(import.meta.url)("@seedance/openapi/openapi.json") as Record<string, unknown>;

function lookup(ref: string): unknown {
  if (!ref.startsWith("#/")) throw new Error(`Only local $refs are supported, got ${ref}.`);
  return ref
    .slice(2)
    .split("/")
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], spec);
}

/** `value` with every `$ref` replaced by what it points at (siblings of a `$ref` win, as in 3.1). */
export function dereference<T>(value: T): T {
  if (Array.isArray(value)) return value.map(dereference) as T;
  if (value === null || typeof value !== "object") return value;
  const { $ref, ...rest } = value as Record<string, unknown>;
  const base = typeof $ref === "string" ? (dereference(lookup($ref)) as Record<string, unknown>) : {};
  const own = Object.fromEntries(Object.entries(rest).map(([key, item]) => [key, dereference(item)]));
  return { ...base, ...own } as T;
}

/** Every operation of the spec, dereferenced, by operationId. */
export function specOperations(): Map<string, SpecOperation> {
  const operations = new Map<string, SpecOperation>();
  const paths = spec.paths as Record<string, Record<string, Operation>>;
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (operation?.operationId)
        operations.set(operation.operationId, { method, path, operation: dereference(operation) });
    }
  }
  return operations;
}

/** The JSON body schema of an operation's first 2xx response. */
export function successSchema(operation: Operation): JsonSchema | undefined {
  const status = Object.keys(operation.responses).find((code) => /^2\d\d$/.test(code));
  const response = status ? (operation.responses[status] as MediaTypes) : undefined;
  return response?.content?.["application/json"]?.schema;
}

/** A component schema by name, dereferenced. */
export const componentSchema = (name: string): JsonSchema => dereference({ $ref: `#/components/schemas/${name}` });

/** Keywords for generators and documentation, not for a model choosing arguments: `x-*` extensions and examples. */
const notForAgents = (keyword: string) => keyword.startsWith("x-") || keyword === "example" || keyword === "examples";

/** `schema` without the keywords an agent does not need (property names are kept, whatever they are). */
export function forAgents(schema: JsonSchema): JsonSchema {
  const kept = Object.entries(schema)
    .filter(([keyword]) => !notForAgents(keyword))
    .map(([keyword, value]): [string, unknown] => {
      if (keyword === "properties" && value && typeof value === "object") {
        const properties = Object.entries(value as Record<string, JsonSchema>);
        return [keyword, Object.fromEntries(properties.map(([name, property]) => [name, forAgents(property)]))];
      }
      if (Array.isArray(value)) return [keyword, value.map((item) => (isSchema(item) ? forAgents(item) : item))];
      return [keyword, isSchema(value) ? forAgents(value) : value];
    });
  return Object.fromEntries(kept);
}

const isSchema = (value: unknown): value is JsonSchema =>
  value !== null && typeof value === "object" && !Array.isArray(value);
