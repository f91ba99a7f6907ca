// Compiles the spec's request and response schemas to plain data (packages/core/src/generated/validators.gen.ts),
// read by one small `check` function, so no schema library ships to browsers.
// Chosen by measured size (esbuild min + gzip, this spec's four operations, in the browser quickstart
// bundle): the rules and `check` add 3.6 KB min / 1.1 KB gzip. One function per schema cost 5.8 KB /
// 1.2 KB; valibot's runtime with hey-api's schemas about 3.1 KB gzip; ajv's standalone code 3.8 KB for
// the request schemas alone (5.9 KB with the response schemas), its uri format and length helpers included.
// Identical rules (the Idempotency-Key header, the prompt, `{ type: "string" }`, …) are emitted once.
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
/** JSON types that `typeof` does not tell, as an expression on the value `v`. */
const TYPE_TESTS: Record<string, string> = {
  integer: "Number.isInteger(v)",
  object: 'typeof v === "object" && v !== null && !Array.isArray(v)',
  array: "Array.isArray(v)",
  null: "v === null",
};
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
/** A property name as an object literal writes it: bare when it is an identifier. */
const property = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : json(name));

/** A compiled rule: its source text (given each child's text), the name to give it if shared, its children. */
interface Compiled {
  render: (child: (node: Compiled) => string) => string;
  name: string;
  children: Compiled[];
  /** The source with every child written out: equal keys are identical rules. */
  key: string;
}

function compiled(name: string, children: Compiled[], render: Compiled["render"]): Compiled {
  return { render, name, children, key: render((child) => child.key) };
}

export function validatorsModule(spec: Spec): string {
  const unknownKeywords = (schema: Schema, mode: Mode, where: string) => {
    for (const key of Object.keys(schema)) {
      // `x-…` extensions (x-enum-varnames, …) are for other tools and never constrain a value.
      const annotation = ANNOTATIONS.has(key) || key.startsWith("x-");
      const known = mode === "request" ? COMPILED.has(key) || annotation : !COMBINATORS.has(key);
      if (!known) throw new Error(`${where}: cannot compile keyword "${key}" in a ${mode} check`);
    }
  };

  /** The JSON types the rules test. */
  const types = new Set<string>();

  /** Components being compiled, to refuse a recursive schema (a data table cannot hold a cycle). */
  const compiling = new Set<string>();

  /** The rule checking `schema`: its constraints in the server's terms, its properties' and items' rules. */
  function compile(schema: Schema, mode: Mode, hint: string): Compiled {
    const name = schema.$ref ? refName(schema.$ref) : hint;
    const target = schema.$ref ? spec.components.schemas[name] : schema;
    if (!target) throw new Error(`${hint}: unresolved ${schema.$ref}`);
    if (target.$ref) return compile(target, mode, name); // an alias of another component
    if (compiling.has(name)) throw new Error(`${name}: recursive schemas are not compiled`);
    compiling.add(name);
    unknownKeywords(target, mode, name);
    const { minLength, maxLength, pattern, format, minimum, maximum } = target;
    const constrained = [minLength, maxLength, pattern, format, minimum, maximum].some((bound) => bound !== undefined);
    if (mode === "request" && !target.type && constrained) {
      throw new Error(`${name}: a constrained request schema needs a type`);
    }
    if (mode === "request" && typeof target.additionalProperties === "object") {
      throw new Error(`${name}: additionalProperties schemas are not compiled`);
    }
    if (format !== undefined && mode === "request" && !FORMATS[format]) {
      throw new Error(`${name}: cannot check format "${format}" in a request`);
    }
    // A whole number where the spec says integer, like an enum's value, is the server's business.
    const type = mode === "response" && target.type === "integer" ? "number" : target.type;
    if (type) types.add(type);
    // The checks in the order the server applies them: type first, then each constraint, then the
    // properties (in the spec's order), the absence of others, and the items. Keyed by the server's
    // names, as the emitted `Rule` interface declares them.
    const constraintsByName: Record<string, unknown> =
      mode === "request"
        ? {
            type,
            enum: target.enum,
            min_length: minLength,
            max_length: maxLength,
            regex: pattern,
            format,
            minimum,
            maximum,
          }
        : { type };
    const constraints = Object.entries(constraintsByName)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => `${key}: ${json(value)}`);
    const keys = Object.keys(target.properties ?? {});
    // Integer-like keys would be enumerated first, out of the spec's order.
    const numeric = keys.find((key) => /^\d+$/.test(key));
    if (numeric) throw new Error(`${name}: property "${numeric}" would be checked out of order`);
    const properties = Object.entries(target.properties ?? {}).map(([key, property]) =>
      compile(property, mode, `${name}${pascal(key)}`),
    );
    const items = target.items && compile(target.items, mode, `${name}Item`);
    compiling.delete(name);
    const required = target.required?.length ? `required: ${json(target.required)}` : undefined;
    const closed =
      mode === "request" && target.additionalProperties === false ? "additional_properties: false" : undefined;
    // A rule that only states a type is named after it, whichever schema it came from.
    const plain = constraints.length === 1 && type !== undefined && !target.properties && !items;
    return compiled(plain ? `${type}Value` : `${mode}${name}`, [...properties, ...(items ? [items] : [])], (child) => {
      const parts = [...constraints];
      if (target.properties) {
        parts.push(
          `properties: { ${keys.map((key, i) => `${property(key)}: ${child(properties[i] as Compiled)}`).join(", ")} }`,
        );
        if (required) parts.push(required);
        if (closed) parts.push(closed);
      }
      if (items) parts.push(`items: ${child(items)}`);
      return `{ ${parts.join(", ")} }`;
    });
  }

  const resolveParameter = (parameter: Parameter): Parameter =>
    parameter.$ref ? (spec.components.parameters[refName(parameter.$ref)] as Parameter) : parameter;

  /** Path parameters or headers as one rule over an object keyed by the spec's names. */
  function parameterRule(operation: Operation, where: "path" | "header"): Compiled | undefined {
    const parameters = (operation.parameters ?? []).map(resolveParameter).filter((p) => p.in === where);
    if (!parameters.length) return undefined;
    const children = parameters.map((parameter) => compile(parameter.schema, "request", pascal(parameter.name)));
    const required = parameters.filter((parameter) => parameter.required).map((parameter) => parameter.name);
    const name = `${where}${parameters.map((parameter) => pascal(parameter.name)).join("")}`;
    return compiled(name, children, (child) => {
      const entries = parameters.map(
        (parameter, i) => `${property(parameter.name)}: ${child(children[i] as Compiled)}`,
      );
      return `{ properties: { ${entries.join(", ")} }${required.length ? `, required: ${json(required)}` : ""} }`;
    });
  }

  const operations: { id: string; method: string; path: string; checks: [string, Compiled][] }[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const id = operation.operationId;
      const Id = pascal(id);
      const checks: [string, Compiled | undefined][] = [
        // Path parameters and headers (Idempotency-Key: the SDK makes its own, a proxy forwards the caller's).
        ["checkPath", parameterRule(operation, "path")],
        ["checkHeaders", parameterRule(operation, "header")],
      ];
      const body = operation.requestBody?.content["application/json"]?.schema;
      if (body) checks.push(["checkBody", compile(body, "request", `${Id}Body`)]);
      const success = Object.entries(operation.responses).find(([status]) => status.startsWith("2"));
      const response = success?.[1].content?.["application/json"]?.schema;
      if (!response) throw new Error(`${id}: no JSON success response`);
      checks.push(["checkResponse", compile(response, "response", `${Id}Response`)]);
      const present = checks.filter((check): check is [string, Compiled] => check[1] !== undefined);
      operations.push({ id, method: method.toUpperCase(), path, checks: present });
    }
  }

  // Rules used in more than one place (and every operation's own) become named constants, declared
  // before their first use; a rule used once is written where it is used. Identical rules are one.
  const uses = new Map<string, number>();
  const count = (rule: Compiled) => {
    uses.set(rule.key, (uses.get(rule.key) ?? 0) + 1);
    if (uses.get(rule.key) === 1) rule.children.forEach(count);
  };
  const roots = operations.flatMap(({ checks }) => checks.map(([, rule]) => rule));
  roots.forEach(count);
  for (const root of roots) uses.set(root.key, 2); // an operation's rule is always named
  const names = new Map<string, string>(); // key → constant name
  const reserved = ["check", "fail", "at", "TESTS", "FORMATS", "OPERATIONS", "Rule", "Issue", "OperationSpec"];
  const taken = new Set([...reserved, ...operations.map((operation) => operation.id)]);
  const constants: string[] = [];
  /** The rule as an expression: its constant's name, or its source with its children's expressions. */
  function emit(rule: Compiled): string {
    const known = names.get(rule.key);
    if (known) return known;
    const source = rule.render(emit);
    if ((uses.get(rule.key) ?? 0) < 2) return source;
    const base = rule.name.charAt(0).toLowerCase() + rule.name.slice(1);
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
    taken.add(name);
    names.set(rule.key, name);
    constants.push(`const ${name}: Rule = ${source};`);
    return name;
  }
  const objects = operations.map(({ id, method, path, checks }) => {
    const comment = `/** \`${method} ${path}\`: its URL template and the spec's checks of its input and its success body. */`;
    const lines = checks.map(([check, rule]) => `  ${check}: (value) => check(${emit(rule)}, value, ""),`);
    return [
      comment,
      `export const ${id}: OperationSpec = {`,
      `  operationId: ${json(id)},`,
      `  method: ${json(method)},`,
      `  path: ${json(path)},`,
      ...lines,
      "};",
    ].join("\n");
  });
  const ids = operations.map((operation) => operation.id);
  // The type test, with a branch for each type that \`typeof\` does not tell (of those the rules use).
  const typeTest = Object.entries(TYPE_TESTS)
    .filter(([type]) => types.has(type))
    .reduceRight((rest, [type, test]) => `type === ${json(type)} ? ${test} : ${rest}`, "typeof v === type");

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

/**
 * A schema compiled to data: its constraints keyed by the server's names for them (each value is the
 * limit an Issue reports), then the rules of its properties and items. Response rules hold only the
 * shape (type, properties, required, items).
 */
interface Rule {
  type?: string;
  enum?: unknown[];
  min_length?: number;
  max_length?: number;
  regex?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, Rule>;
  required?: string[];
  additional_properties?: false;
  items?: Rule;
}

// JSON Schema counts characters (code points), not UTF-16 units: a string has at most \`length\` and at
// least half as many, so most lengths are decided without counting.
const codePoints = (v: string) => {
  let count = 0;
  for (const _ of v) count++;
  return count;
};
const patterns = new Map<string, RegExp>();

/** Each constraint's test of a value against its limit. */
const TESTS: Record<string, ((v: any, limit: any) => boolean) | undefined> = {
  type: (v, type: string) => ${typeTest},
  enum: (v, values: unknown[]) => values.includes(v),
  min_length: (v: string, min: number) => v.length >= min && (v.length >= 2 * min || codePoints(v) >= min),
  max_length: (v: string, max: number) => v.length <= max || codePoints(v) <= max,
  regex: (v: string, pattern: string) => {
    let regex = patterns.get(pattern);
    if (!regex) patterns.set(pattern, (regex = new RegExp(pattern, "u")));
    return regex.test(v);
  },
  format: (v: string, format: string) => FORMATS[format]?.(v) === true,
  minimum: (v: number, min: number) => v >= min,
  maximum: (v: number, max: number) => v <= max,
};

/** The formats a request check enforces. */
const FORMATS: Record<string, (v: string) => boolean> = { ${Object.entries(FORMATS)
    .map(([format, test]) => `${/^\w+$/.test(format) ? format : json(format)}: (v) => ${test}`)
    .join(", ")} };

const fail = (field: string, value: unknown, constraint: string, limit?: unknown): Issue => ({ field, value, constraint, limit });
const at = (parent: string, key: string) => (parent ? \`\${parent}.\${key}\` : key);

/** The first way \`v\` (at field \`f\`) breaks \`rule\`, or \`undefined\`. */
function check(rule: Rule, v: any, f: string): Issue | undefined {
  // A rule's constraints are written in the order the server checks them (type first); its shape
  // keys (properties, required, …) have no test.
  for (const constraint in rule) {
    const limit = rule[constraint as keyof Rule];
    if (TESTS[constraint]?.(v, limit) === false) return fail(f, v, constraint, limit);
  }
  const { properties, items } = rule;
  for (const key in properties) {
    const issue =
      v[key] === undefined
        ? rule.required?.includes(key)
          ? fail(at(f, key), undefined, "required")
          : undefined
        : check(properties[key] as Rule, v[key], at(f, key));
    if (issue) return issue;
  }
  if (rule.additional_properties === false) {
    for (const key in v) if (!properties || !Object.hasOwn(properties, key)) return fail(at(f, key), v[key], "additional_properties");
  }
  for (let i = 0; items && i < v.length; i++) {
    const issue = check(items, v[i], at(f, String(i)));
    if (issue) return issue;
  }
}

${constants.join("\n\n")}

${objects.join("\n\n")}

/** Every operation of the spec by operationId. */
export const OPERATIONS = { ${ids.join(", ")} } as const;
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
