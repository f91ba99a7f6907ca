// Compiles the spec's request and response schemas to plain TypeScript functions
// (packages/core/src/generated/validators.gen.ts), so no schema library ships to browsers.
// Chosen by measured size (esbuild min + gzip, this spec's four operations): these functions are
// 1.4 KB with the response checks (1.1 KB without); valibot's runtime with hey-api's schemas cost the
// browser bundle about 3.1 KB; ajv's standalone code is 3.8 KB for the request schemas alone (5.9 KB
// with the response schemas), its uri format and length helpers included.
//
// Request checks report the first violation as the server does: `{ field, value, constraint, limit }`.
// Response checks are lenient (forward compatible): only a missing required field or a value of the
// wrong JSON type is a mismatch; enums, formats and limits are the server's business.
// A keyword this compiler does not know fails generation, so the spec cannot outgrow it unnoticed.
import { fileURLToPath } from "node:url";

interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
}

interface Parameter {
  $ref?: string;
  name: string;
  in: string;
  required?: boolean;
  schema: Schema;
}

interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}

interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; parameters: Record<string, Parameter> };
}

/** Keywords that only document a schema. */
const ANNOTATIONS = new Set(["description", "title", "example", "examples", "default", "deprecated", "readOnly"]);
/** Formats a request check enforces, as an expression on the string `v`. */
const FORMATS: Record<string, string> = { uri: "URL.canParse(v)" };
/** The validation keywords compiled below. */
const COMPILED = new Set([
  "$ref",
  "type",
  "enum",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "minLength",
  "maxLength",
  "pattern",
  "format",
  "minimum",
  "maximum",
]);

/** Keywords that change a schema's shape, which the lenient response check would otherwise misread. */
const COMBINATORS = new Set(["allOf", "anyOf", "oneOf", "not", "if", "prefixItems", "patternProperties"]);

type Mode = "request" | "response";

const refName = (ref: string) => ref.slice(ref.lastIndexOf("/") + 1);
/** `task_id` → `TaskId`, `Idempotency-Key` → `IdempotencyKey`: part of a JS identifier. */
const pascal = (name: string) =>
  name
    .split(/[^A-Za-z0-9]+/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
const json = (value: unknown) => JSON.stringify(value);

export function validatorsModule(spec: Spec): string {
  const functions = new Map<string, string>();

  const unknownKeywords = (schema: Schema, mode: Mode, where: string) => {
    for (const key of Object.keys(schema)) {
      // `x-…` extensions (x-enum-varnames, …) are for other tools and never constrain a value.
      const annotation = ANNOTATIONS.has(key) || key.startsWith("x-");
      const known = mode === "request" ? COMPILED.has(key) || annotation : !COMBINATORS.has(key);
      if (!known) throw new Error(`${where}: cannot compile keyword "${key}" in a ${mode} check`);
    }
  };

  /** Name of the function checking `schema` (a component's own, or a fresh one), compiling it once. */
  function checker(schema: Schema, mode: Mode, hint: string): string {
    const name = schema.$ref ? refName(schema.$ref) : hint;
    const target = schema.$ref ? spec.components.schemas[name] : schema;
    if (!target) throw new Error(`${hint}: unresolved ${schema.$ref}`);
    if (target.$ref) return checker(target, mode, name); // an alias of another component
    unknownKeywords(target, mode, name);
    const { minLength, maxLength, pattern, format, minimum, maximum } = target;
    const constrained = [minLength, maxLength, pattern, format, minimum, maximum].some((bound) => bound !== undefined);
    if (mode === "request" && !target.type && constrained) {
      throw new Error(`${name}: a constrained request schema needs a type`);
    }
    if (mode === "request" && typeof target.additionalProperties === "object") {
      throw new Error(`${name}: additionalProperties schemas are not compiled`);
    }
    // A whole number where the spec says integer, like an enum's value, is the server's business.
    const type = mode === "response" && target.type === "integer" ? "number" : target.type;
    const { properties, required, items } = target;
    const shape = mode === "request" ? target : { type, properties, required, items };
    // A schema that only states a type shares one function per type.
    if (
      !shape.properties &&
      !shape.items &&
      Object.entries(shape).filter(([key, value]) => value !== undefined && !ANNOTATIONS.has(key)).length === 1 &&
      shape.type
    ) {
      return define(`is${pascal(shape.type)}`, () => typeCheck(shape.type as string, "undefined"));
    }
    return define(`${mode}${name}`, () => expression(shape, mode, name));
  }

  function define(name: string, body: () => string): string {
    if (!functions.has(name)) {
      functions.set(name, ""); // reserved while compiling, for recursive schemas
      functions.set(name, `function ${name}(v: any, f: string): Issue | undefined {\n  return ${body()};\n}`);
    }
    return name;
  }

  /**
   * An expression for the first violation of `schema` by `v` (at field `f`), in the server's terms.
   * A response check is given only the schema's shape: type, properties, required and items.
   */
  function expression(schema: Schema, mode: Mode, where: string): string {
    const parts: string[] = [];
    if (schema.properties) {
      const required = new Set(schema.required ?? []);
      for (const [key, property] of Object.entries(schema.properties)) {
        const check = checker(property, mode, `${where}${pascal(key)}`);
        parts.push(`field(v, f, ${json(key)}, ${required.has(key)}, ${check})`);
      }
      if (schema.additionalProperties === false) parts.push(`known(v, f, ${json(Object.keys(schema.properties))})`);
    }
    if (schema.items) parts.push(`items(v, f, ${checker(schema.items, mode, `${where}Item`)})`);
    let rest = parts.length ? parts.join(" ?? ") : "undefined";
    // Innermost first: each test guards the ones after it, type first.
    const tests: [string, string, unknown][] = [];
    if (schema.enum) tests.push([`${json(schema.enum)}.includes(v)`, "enum", schema.enum]);
    // JSON Schema counts characters (code points), not UTF-16 units.
    if (schema.minLength !== undefined)
      tests.push([`[...v].length >= ${schema.minLength}`, "min_length", schema.minLength]);
    if (schema.maxLength !== undefined)
      tests.push([`[...v].length <= ${schema.maxLength}`, "max_length", schema.maxLength]);
    if (schema.pattern !== undefined)
      tests.push([`/${schema.pattern.replaceAll("/", "\\/")}/u.test(v)`, "regex", schema.pattern]);
    if (schema.format !== undefined) {
      const test = FORMATS[schema.format];
      if (!test) throw new Error(`${where}: cannot check format "${schema.format}" in a request`);
      tests.push([test, "format", schema.format]);
    }
    if (schema.minimum !== undefined) tests.push([`v >= ${schema.minimum}`, "minimum", schema.minimum]);
    if (schema.maximum !== undefined) tests.push([`v <= ${schema.maximum}`, "maximum", schema.maximum]);
    for (const [test, constraint, limit] of tests.reverse()) {
      rest = `${test} ? ${rest} : fail(f, v, ${json(constraint)}, ${json(limit)})`;
    }
    return schema.type ? typeCheck(schema.type, rest) : rest;
  }

  /** `rest` when `v` has the JSON type, else a type violation. */
  function typeCheck(type: string, rest: string): string {
    if (type === "integer") return `Number.isInteger(v) ? ${rest} : fail(f, v, "type", "integer")`;
    return `is(v, ${json(type)}) ? ${rest} : fail(f, v, "type", ${json(type)})`;
  }

  const resolveParameter = (parameter: Parameter): Parameter =>
    parameter.$ref ? (spec.components.parameters[refName(parameter.$ref)] as Parameter) : parameter;

  const operations: string[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const id = operation.operationId;
      const Id = pascal(id);
      // Path parameters and headers (Idempotency-Key: the SDK makes its own, a proxy forwards the caller's).
      const parameterChecks = (where: "path" | "header") =>
        (operation.parameters ?? [])
          .map(resolveParameter)
          .filter((parameter) => parameter.in === where)
          .map((parameter) => {
            const check = checker(parameter.schema, "request", `${Id}${pascal(parameter.name)}`);
            return `field(${where}, "", ${json(parameter.name)}, ${Boolean(parameter.required)}, ${check})`;
          });
      const pathChecks = parameterChecks("path");
      const headerChecks = parameterChecks("header");
      const body = operation.requestBody?.content["application/json"]?.schema;
      const success = Object.entries(operation.responses).find(([status]) => status.startsWith("2"));
      const response = success?.[1].content?.["application/json"]?.schema;
      if (!response) throw new Error(`${id}: no JSON success response`);
      operations.push(
        [
          `/** \`${method.toUpperCase()} ${path}\`: its URL template and the spec's checks of its input and its success body. */`,
          `export const ${id}: OperationSpec = {`,
          `  operationId: ${json(id)},`,
          `  method: ${json(method.toUpperCase())},`,
          `  path: ${json(path)},`,
          ...(pathChecks.length ? [`  checkPath: (path) => ${pathChecks.join(" ?? ")},`] : []),
          ...(headerChecks.length ? [`  checkHeaders: (header) => ${headerChecks.join(" ?? ")},`] : []),
          ...(body ? [`  checkBody: (body) => ${checker(body, "request", `${Id}Body`)}(body, ""),`] : []),
          `  checkResponse: (body) => ${checker(response, "response", `${Id}Response`)}(body, ""),`,
          "};",
        ].join("\n"),
      );
    }
  }
  const ids = Object.values(spec.paths).flatMap((item) =>
    Object.values(item).map((operation) => operation.operationId),
  );

  return `// This file is generated from spec/ by scripts/generate-validators.ts (\`pnpm generate\`). Do not edit it by hand.

/** The first way an input breaks the spec, in the terms of the server's 400 \`error.details\`. */
export interface Issue {
  /** The offending field, dotted (\`prompt\`, \`task_id\`); \`""\` for the body itself. */
  field: string;
  value: unknown;
  /** \`required\`, \`type\`, \`enum\`, \`min_length\`, \`max_length\`, \`regex\`, \`format\`, \`minimum\`, \`maximum\` or \`additional_properties\`. */
  constraint: string;
  /** The bound that was broken (a number, the allowed values, a type, a pattern or a format), when there is one. */
  limit?: unknown;
}

/** One operation of the spec. */
export interface OperationSpec {
  operationId: string;
  method: "GET" | "POST";
  /** The URL template, e.g. \`/v1/tasks/{task_id}\`. */
  path: string;
  /** The first path parameter that breaks the spec, or \`undefined\` when all are valid (operations with path parameters). */
  checkPath?: (path: Record<string, unknown>) => Issue | undefined;
  /** The first header parameter that breaks the spec, keyed by the spec's header names (operations with header parameters). */
  checkHeaders?: (headers: Record<string, unknown>) => Issue | undefined;
  /** The first violation of the spec by a JSON body, or \`undefined\` when it is valid (operations with a body). */
  checkBody?: (body: unknown) => Issue | undefined;
  /** Where a success body lacks a required field or has a value of the wrong JSON type, if it does. */
  checkResponse: (body: unknown) => Issue | undefined;
}

type Check = (v: any, f: string) => Issue | undefined;

const fail = (field: string, value: unknown, constraint: string, limit?: unknown): Issue => ({ field, value, constraint, limit });
const at = (parent: string, key: string) => (parent ? \`\${parent}.\${key}\` : key);
const is = (v: unknown, type: string) =>
  type === "object" ? typeof v === "object" && v !== null && !Array.isArray(v) : type === "array" ? Array.isArray(v) : type === "null" ? v === null : typeof v === type;
const field = (v: any, f: string, key: string, required: boolean, check: Check) =>
  v[key] === undefined ? (required ? fail(at(f, key), undefined, "required") : undefined) : check(v[key], at(f, key));
const known = (v: any, f: string, keys: string[]) => {
  for (const key in v) if (!keys.includes(key)) return fail(at(f, key), v[key], "additional_properties");
};
const items = (v: any[], f: string, check: Check) => {
  for (let i = 0; i < v.length; i++) {
    const issue = check(v[i], at(f, String(i)));
    if (issue) return issue;
  }
};

${operations.join("\n\n")}

/** Every operation of the spec by operationId. */
export const OPERATIONS = { ${ids.join(", ")} } as const;

${[...functions.values()].join("\n\n")}
`;
}

/** Writes the validators of the bundled spec into core's generated code. */
export async function generateValidators(specFile: string, outFile: string): Promise<void> {
  const { readFile, writeFile } = await import("node:fs/promises");
  const spec = JSON.parse(await readFile(specFile, "utf8")) as Spec;
  await writeFile(outFile, validatorsModule(spec));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await generateValidators(
    fileURLToPath(new URL("../spec/dist/openapi.json", import.meta.url)),
    fileURLToPath(new URL("../packages/core/src/generated/validators.gen.ts", import.meta.url)),
  );
}
