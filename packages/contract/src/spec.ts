// The bundled spec (@seedance/openapi) as the checks read it: the operations and their documented
// answers (statuses, required headers, body schemas compiled with Ajv), the security schemes, and the
// error table (which codes go with which status), all derived from the document, never restated.
import { createRequire } from "node:module";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const require = createRequire(import.meta.url);

/** The bundled `@seedance/openapi` document. */
export const bundledSpecPath: string = require.resolve("@seedance/openapi/openapi.json");

export type JsonSchema = Record<string, unknown> & {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
  additionalProperties?: boolean;
};

interface RawOperation {
  operationId: string;
  parameters?: { $ref?: string; name?: string; in?: string }[];
  requestBody?: { content: Record<string, { schema: JsonSchema; examples?: Record<string, { value: unknown }> }> };
  responses: Record<string, { $ref?: string }>;
}

interface RawResponse {
  headers?: Record<string, { $ref?: string; required?: boolean; schema?: JsonSchema }>;
  content?: Record<string, { schema: JsonSchema }>;
}

interface RawSpec {
  info: { version: string };
  paths: Record<string, Record<string, RawOperation | unknown>>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, RawResponse>;
    headers: Record<string, { required?: boolean; schema: JsonSchema }>;
    parameters: Record<string, { name: string; in: string; schema: JsonSchema }>;
    securitySchemes: Record<string, { type: string; scheme?: string; in?: string; name?: string }>;
  };
}

/** A header the spec requires on an answer, with its schema. */
export interface DocumentedHeader {
  name: string;
  validate: ValidateFunction;
  integer: boolean;
}

/** One documented answer of an operation. */
export interface DocumentedResponse {
  headers: DocumentedHeader[];
  /** The media type of its body and the body's compiled schema, when it has one. */
  mediaType?: string;
  validate?: ValidateFunction;
}

export interface SpecOperation {
  id: string;
  method: string;
  /** The path template, e.g. `/v1/tasks/{task_id}`. */
  path: string;
  responses: Map<string, DocumentedResponse>;
  /** The request body's schema (resolved), for the operations that take one. */
  body?: JsonSchema;
  /** The first request example. */
  example?: Record<string, unknown>;
  /** The path parameter's schema (resolved), for the operations that take one. */
  pathParameter?: { name: string; schema: JsonSchema };
  /** Whether it takes an `Idempotency-Key` header. */
  idempotent: boolean;
}

/** How a key is sent: `Authorization: Bearer` or an API-key header. */
export type AuthScheme = { name: string; header: string; format: (key: string) => string };

export interface ContractSpec {
  version: string;
  operations: SpecOperation[];
  authSchemes: AuthScheme[];
  /** Error code → the status the spec's table gives it (from `ErrorCode`'s description). */
  errorStatus: Map<string, number>;
  /** A component schema, resolved. */
  schema(name: string): JsonSchema;
  operation(id: string): SpecOperation;
}

const isOperation = (value: unknown): value is RawOperation =>
  typeof value === "object" && value !== null && "responses" in value;

const lastSegment = (ref: string) => ref.split("/").pop() ?? ref;

/** `` `INVALID_REQUEST`/`INVALID_PROMPT` (400), `UNAUTHORIZED` (401) `` → each code and its status. */
export function parseErrorTable(description: string): Map<string, number> {
  const table = new Map<string, number>();
  for (const match of description.matchAll(/((?:`[A-Z_]+`\/?)+)\s*\((\d{3})\)/g)) {
    for (const code of (match[1] ?? "").matchAll(/`([A-Z_]+)`/g)) table.set(code[1] ?? "", Number(match[2]));
  }
  return table;
}

export function loadContractSpec(): ContractSpec {
  const raw = require(bundledSpecPath) as RawSpec;
  // The whole document under an id, so that every schema's `#/components/…` references resolve.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats.default(ajv);
  ajv.addSchema(raw as unknown as object, "spec");
  const compile = (schema: JsonSchema) => ajv.compile({ $ref: `spec#${pointerOf(raw, schema)}` });
  const resolve = (schema: JsonSchema): JsonSchema =>
    schema.$ref ? resolve(raw.components.schemas[lastSegment(schema.$ref)] ?? {}) : schema;

  const operations: SpecOperation[] = Object.entries(raw.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter((entry): entry is [string, RawOperation] => isOperation(entry[1]))
      .map(([method, operation]) => {
        const responses = new Map<string, DocumentedResponse>();
        for (const [status, answer] of Object.entries(operation.responses)) {
          const response = answer.$ref
            ? (raw.components.responses[lastSegment(answer.$ref)] ?? {})
            : (answer as RawResponse);
          const headers = Object.entries(response.headers ?? {}).flatMap(([name, header]) => {
            const resolved = header.$ref ? raw.components.headers[lastSegment(header.$ref)] : header;
            if (!resolved?.required || !resolved.schema) return [];
            const schema = resolve(resolved.schema);
            return [{ name, validate: ajv.compile(schema), integer: schema.type === "integer" }];
          });
          const [mediaType, media] = Object.entries(response.content ?? {})[0] ?? [];
          responses.set(status, {
            headers,
            mediaType,
            validate: media ? compile(media.schema) : undefined,
          });
        }
        const media = operation.requestBody?.content["application/json"];
        const parameters = (operation.parameters ?? []).map((parameter) =>
          parameter.$ref ? raw.components.parameters[lastSegment(parameter.$ref)] : parameter,
        );
        const pathParameter = parameters.find((parameter) => parameter?.in === "path") as
          | { name: string; schema: JsonSchema }
          | undefined;
        return {
          id: operation.operationId,
          method: method.toUpperCase(),
          path,
          responses,
          body: media ? resolve(media.schema) : undefined,
          example: media?.examples ? (Object.values(media.examples)[0]?.value as Record<string, unknown>) : undefined,
          pathParameter: pathParameter && { name: pathParameter.name, schema: resolve(pathParameter.schema) },
          idempotent: parameters.some(
            (parameter) => parameter?.in === "header" && parameter.name === "Idempotency-Key",
          ),
        };
      }),
  );

  const authSchemes: AuthScheme[] = Object.entries(raw.components.securitySchemes).flatMap(([name, scheme]) => {
    if (scheme.type === "http" && scheme.scheme?.toLowerCase() === "bearer")
      return [{ name, header: "Authorization", format: (key: string) => `Bearer ${key}` }];
    if (scheme.type === "apiKey" && scheme.in === "header" && scheme.name)
      return [{ name, header: scheme.name, format: (key: string) => key }];
    return [];
  });

  return {
    version: raw.info.version,
    operations,
    authSchemes,
    errorStatus: parseErrorTable(String(raw.components.schemas.ErrorCode?.description ?? "")),
    schema: (name) => resolve({ $ref: `#/components/schemas/${name}` }),
    operation(id) {
      const found = operations.find((operation) => operation.id === id);
      if (!found) throw new Error(`the spec has no operation ${id}`);
      return found;
    },
  };
}

/** The JSON pointer of `target` inside `root` (schemas are compiled by reference, so `$ref`s resolve). */
function pointerOf(root: unknown, target: unknown): string {
  const seen = new Set<unknown>();
  const walk = (node: unknown, pointer: string): string | undefined => {
    if (node === target) return pointer;
    if (typeof node !== "object" || node === null || seen.has(node)) return undefined;
    seen.add(node);
    for (const [key, value] of Object.entries(node)) {
      const found = walk(value, `${pointer}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  const found = walk(root, "");
  if (found === undefined) throw new Error("schema not found in the spec");
  return found;
}
