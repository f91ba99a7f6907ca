// The TypeScript emitter: the compiled rules as data (packages/core/src/generated/validators.gen.ts),
// read by one small \`check\` function written into the same module, so no schema library ships to browsers.
// Chosen by measured size (esbuild min + gzip, this spec's four operations, in the browser quickstart
// bundle): the rules and \`check\` add 3.6 KB min / 1.1 KB gzip. One function per schema cost 5.8 KB /
// 1.2 KB; valibot's runtime with hey-api's schemas about 3.1 KB gzip; ajv's standalone code 3.8 KB for
// the request schemas alone (5.9 KB with the response schemas), its uri format and length helpers included.
// Identical rules (the Idempotency-Key header, the prompt, \`{ type: "string" }\`, …) are emitted once.
import { compileSpec, type RuleNode, type Spec, shareRules } from "./compile.ts";

/** Formats a request check enforces, as an expression on the string \`v\`. */
const FORMATS: Record<string, string> = { uri: "URL.canParse(v)" };
/** JSON types that \`typeof\` does not tell, as an expression on the value \`v\`. */
const TYPE_TESTS: Record<string, string> = {
  integer: "Number.isInteger(v)",
  object: 'typeof v === "object" && v !== null && !Array.isArray(v)',
  array: "Array.isArray(v)",
  null: "v === null",
};
const RESERVED = ["check", "fail", "at", "TESTS", "FORMATS", "OPERATIONS", "Rule", "Issue", "OperationSpec"];

const json = (value: unknown) => JSON.stringify(value);
/** A property name as an object literal writes it: bare when it is an identifier. */
const property = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : json(name));

export function typescriptValidators(spec: Spec): string {
  const { operations, types } = compileSpec(spec);
  const taken = new Set([...RESERVED, ...operations.map((operation) => operation.id)]);
  const shared = shareRules(operations, taken, (name) => name.charAt(0).toLowerCase() + name.slice(1));
  /** The rule as an expression: its constant's name, or its source with its children's expressions. */
  const expression = (rule: RuleNode): string => shared.nameOf(rule) ?? source(rule);
  const source = (rule: RuleNode): string => {
    const parts = rule.constraints.map(([key, value]) => `${key}: ${json(value)}`);
    if (rule.properties) {
      const entries = rule.properties.map(([key, child]) => `${property(key)}: ${expression(child)}`);
      parts.push(`properties: { ${entries.join(", ")} }`);
      if (rule.required) parts.push(`required: ${json(rule.required)}`);
      if (rule.closed) parts.push("additional_properties: false");
    }
    if (rule.items) parts.push(`items: ${expression(rule.items)}`);
    return `{ ${parts.join(", ")} }`;
  };
  const constants = shared.constants.map(({ name, rule }) => `const ${name}: Rule = ${source(rule)};`);
  const objects = operations.map(({ id, method, path, checks }) => {
    const comment = `/** \`${method} ${path}\`: its URL template and the spec's checks of its input and its success body. */`;
    const lines = checks.map(([check, rule]) => `  ${check}: (value) => check(${expression(rule)}, value, ""),`);
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

  return `// This file is generated from spec/ by @seedance/codegen (\`pnpm generate\`). Do not edit it by hand.

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
