// Compiles the spec's request and response schemas to rules: plain data that one small checker per
// language reads (TypeScript: typescript.ts, Python: python.ts). This file is language-neutral: it
// decides what is checked, in which order, and which rules are shared; the emitters only write it.
//
// Request checks report the first violation as the server does: `{ field, value, constraint, limit }`.
// Response checks are lenient (forward compatible): only a missing required field or a value of the
// wrong JSON type is a mismatch; enums, formats and limits are the server's business.
// A keyword this compiler does not know fails generation, so the spec cannot outgrow it unnoticed.

export interface Schema {
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

export interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; parameters: Record<string, Parameter> };
}

/** Keywords that only document a schema. */
const ANNOTATIONS = new Set(["description", "title", "example", "examples", "default", "deprecated", "readOnly"]);
/** The formats a request check enforces (each emitter knows how). */
export const REQUEST_FORMATS = new Set(["uri"]);
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

/**
 * A compiled rule: its constraints keyed by the server's names for them, in the order the server
 * checks them (type first), each value the limit an issue reports; then its properties (in the
 * spec's order), required names and closedness, and its items' rule.
 */
export interface RuleNode {
  /** The name to give it when it is shared (camelCase, e.g. `requestPrompt`, `stringValue`). */
  name: string;
  constraints: [string, unknown][];
  properties?: [string, RuleNode][];
  required?: string[];
  /** `additionalProperties: false` in a request. */
  closed?: boolean;
  items?: RuleNode;
  /** Equal keys are identical rules. */
  key: string;
}

export const CHECKS = ["checkPath", "checkHeaders", "checkBody", "checkResponse"] as const;
export type CheckName = (typeof CHECKS)[number];

export interface CompiledOperation {
  id: string;
  method: string;
  path: string;
  checks: [CheckName, RuleNode][];
}

export interface CompiledSpec {
  operations: CompiledOperation[];
  /** The JSON types the rules test. */
  types: Set<string>;
}

const refName = (ref: string) => ref.slice(ref.lastIndexOf("/") + 1);
/** `task_id` → `TaskId`, `Idempotency-Key` → `IdempotencyKey`: part of an identifier. */
export const pascal = (name: string) =>
  name
    .split(/[^A-Za-z0-9]+/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");

function node(name: string, parts: Omit<RuleNode, "name" | "key">): RuleNode {
  const key = JSON.stringify([
    parts.constraints,
    parts.properties?.map(([property, child]) => [property, child.key]),
    parts.required,
    parts.closed,
    parts.items?.key,
  ]);
  return { name, ...parts, key };
}

export function compileSpec(spec: Spec): CompiledSpec {
  const unknownKeywords = (schema: Schema, mode: Mode, where: string) => {
    for (const key of Object.keys(schema)) {
      // `x-…` extensions (x-enum-varnames, …) are for other tools and never constrain a value.
      const annotation = ANNOTATIONS.has(key) || key.startsWith("x-");
      const known = mode === "request" ? COMPILED.has(key) || annotation : !COMBINATORS.has(key);
      if (!known) throw new Error(`${where}: cannot compile keyword "${key}" in a ${mode} check`);
    }
  };

  const types = new Set<string>();

  /** Components being compiled, to refuse a recursive schema (a data table cannot hold a cycle). */
  const compiling = new Set<string>();

  /** The rule checking `schema`: its constraints in the server's terms, its properties' and items' rules. */
  function compile(schema: Schema, mode: Mode, hint: string): RuleNode {
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
    if (format !== undefined && mode === "request" && !REQUEST_FORMATS.has(format)) {
      throw new Error(`${name}: cannot check format "${format}" in a request`);
    }
    // A whole number where the spec says integer, like an enum's value, is the server's business.
    const type = mode === "response" && target.type === "integer" ? "number" : target.type;
    if (type) types.add(type);
    // The checks in the order the server applies them: type first, then each constraint.
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
    const constraints = Object.entries(constraintsByName).filter(([, value]) => value !== undefined);
    const keys = Object.keys(target.properties ?? {});
    // Integer-like keys would be enumerated first (in JavaScript), out of the spec's order.
    const numeric = keys.find((key) => /^\d+$/.test(key));
    if (numeric) throw new Error(`${name}: property "${numeric}" would be checked out of order`);
    const properties = Object.entries(target.properties ?? {}).map(([key, property]): [string, RuleNode] => [
      key,
      compile(property, mode, `${name}${pascal(key)}`),
    ]);
    const items = target.items && compile(target.items, mode, `${name}Item`);
    compiling.delete(name);
    // A rule that only states a type is named after it, whichever schema it came from.
    const plain = constraints.length === 1 && type !== undefined && !target.properties && !items;
    return node(plain ? `${type}Value` : `${mode}${name}`, {
      constraints,
      ...(target.properties && {
        properties,
        ...(target.required?.length && { required: target.required }),
        ...(mode === "request" && target.additionalProperties === false && { closed: true }),
      }),
      ...(items && { items }),
    });
  }

  const resolveParameter = (parameter: Parameter): Parameter =>
    parameter.$ref ? (spec.components.parameters[refName(parameter.$ref)] as Parameter) : parameter;

  /** Path parameters or headers as one rule over an object keyed by the spec's names. */
  function parameterRule(operation: Operation, where: "path" | "header"): RuleNode | undefined {
    const parameters = (operation.parameters ?? []).map(resolveParameter).filter((p) => p.in === where);
    if (!parameters.length) return undefined;
    const required = parameters.filter((parameter) => parameter.required).map((parameter) => parameter.name);
    return node(`${where}${parameters.map((parameter) => pascal(parameter.name)).join("")}`, {
      constraints: [],
      properties: parameters.map((parameter) => [
        parameter.name,
        compile(parameter.schema, "request", pascal(parameter.name)),
      ]),
      ...(required.length && { required }),
    });
  }

  const operations: CompiledOperation[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const id = operation.operationId;
      const checks: [CheckName, RuleNode | undefined][] = [
        // Path parameters and headers (Idempotency-Key: the SDK makes its own, a proxy forwards the caller's).
        ["checkPath", parameterRule(operation, "path")],
        ["checkHeaders", parameterRule(operation, "header")],
      ];
      const body = operation.requestBody?.content["application/json"]?.schema;
      if (body) checks.push(["checkBody", compile(body, "request", `${pascal(id)}Body`)]);
      const success = Object.entries(operation.responses).find(([status]) => status.startsWith("2"));
      const response = success?.[1].content?.["application/json"]?.schema;
      if (!response) throw new Error(`${id}: no JSON success response`);
      checks.push(["checkResponse", compile(response, "response", `${pascal(id)}Response`)]);
      const present = checks.filter((check): check is [CheckName, RuleNode] => check[1] !== undefined);
      operations.push({ id, method: method.toUpperCase(), path, checks: present });
    }
  }
  return { operations, types };
}

/** A rule's children, in the order the checker visits them. */
const children = (rule: RuleNode): RuleNode[] => [
  ...(rule.properties ?? []).map(([, child]) => child),
  ...(rule.items ? [rule.items] : []),
];

export interface SharedRules {
  /** Named rules in declaration order: each after the rules it uses. */
  constants: { name: string; rule: RuleNode }[];
  /** The constant's name of a shared rule, else undefined (the rule is written where it is used). */
  nameOf(rule: RuleNode): string | undefined;
}

/**
 * Rules used in more than one place (and every operation's own) become named constants, declared
 * before their first use; identical rules are one. `constantName` turns a rule's camelCase name into
 * the language's style, and names in `taken` are avoided (suffixed 2, 3, …).
 */
export function shareRules(
  operations: CompiledOperation[],
  taken: Set<string>,
  constantName: (name: string) => string,
): SharedRules {
  const uses = new Map<string, number>();
  const count = (rule: RuleNode) => {
    uses.set(rule.key, (uses.get(rule.key) ?? 0) + 1);
    if (uses.get(rule.key) === 1) children(rule).forEach(count);
  };
  const roots = operations.flatMap(({ checks }) => checks.map(([, rule]) => rule));
  roots.forEach(count);
  for (const root of roots) uses.set(root.key, 2); // an operation's rule is always named
  const names = new Map<string, string>();
  const constants: SharedRules["constants"] = [];
  const visit = (rule: RuleNode) => {
    if (names.has(rule.key)) return;
    children(rule).forEach(visit);
    if ((uses.get(rule.key) ?? 0) < 2) return;
    const base = constantName(rule.name);
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
    taken.add(name);
    names.set(rule.key, name);
    constants.push({ name, rule });
  };
  roots.forEach(visit);
  return { constants, nameOf: (rule) => names.get(rule.key) };
}
