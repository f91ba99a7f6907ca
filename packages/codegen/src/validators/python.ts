// The Python emitter: the compiled rules as data (packages/python/seedance/_spec_checks.py), read by
// the Python SDK's one checker (seedance/_validation.py). The same rules as TypeScript's, in the same
// order, so both clients reject the same inputs with the same `field`, `value`, `constraint` and `limit`.
import { compileSpec, type RuleNode, type Spec, shareRules } from "./compile.ts";

const RESERVED = ["Rule", "Operation", "OPERATIONS", "PATTERNS"];

/** `requestPrompt` → `REQUEST_PROMPT`. */
const constantName = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();

/** A JSON value as a Python literal (JSON's string escapes are Python's too). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (typeof value === "object") {
    return `{${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}: ${literal(item)}`)
      .join(", ")}}`;
  }
  return JSON.stringify(value);
}

/**
 * A spec pattern (ECMA-262 with the `u` flag, as JSON Schema and the TypeScript checker read it) as a
 * Python pattern with the same meaning, compiled with `re.ASCII` by the checker: `$` matches only at
 * the very end, as in JavaScript (Python's also matches before a final newline). Constructs whose
 * meaning differs between the two engines are refused rather than translated wrongly.
 */
export function pythonPattern(pattern: string): string {
  let out = "";
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern.charAt(i);
    if (char === "\\") {
      const next = pattern.charAt(i + 1);
      // JavaScript's \s and \S are Unicode-aware even without the u flag; Python's ASCII ones are not.
      if (next === "s" || next === "S") throw new Error(`pattern ${pattern}: \\${next} is not portable to Python`);
      out += char + next;
      i++;
    } else if (char === "[") {
      inClass = true;
      out += char;
    } else if (char === "]") {
      inClass = false;
      out += char;
    } else if (char === "$" && !inClass) {
      out += "\\Z";
    } else {
      out += char;
    }
  }
  return out;
}

export function pythonValidators(spec: Spec): string {
  const { operations } = compileSpec(spec);
  /** Each pattern of the spec (the limit an issue reports) with its Python translation. */
  const patterns = new Map<string, string>();
  const shared = shareRules(operations, new Set(RESERVED), constantName);
  const expression = (rule: RuleNode): string => shared.nameOf(rule) ?? source(rule);
  const source = (rule: RuleNode): string => {
    const parts = rule.constraints.map(([key, value]) => {
      if (key === "regex") patterns.set(value as string, pythonPattern(value as string));
      return `${JSON.stringify(key)}: ${literal(value)}`;
    });
    if (rule.properties) {
      const entries = rule.properties.map(([key, child]) => `${JSON.stringify(key)}: ${expression(child)}`);
      parts.push(`"properties": {${entries.join(", ")}}`);
      if (rule.required) parts.push(`"required": ${literal(rule.required)}`);
      if (rule.closed) parts.push(`"additional_properties": False`);
    }
    if (rule.items) parts.push(`"items": ${expression(rule.items)}`);
    return `{${parts.join(", ")}}`;
  };
  const constants = shared.constants.map(({ name, rule }) => `${name}: Final[Rule] = ${source(rule)}`);
  const snake = (check: string) => check.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
  const entries = operations.map(({ id, method, path, checks }) =>
    [
      `    ${JSON.stringify(id)}: {`,
      `        "method": ${JSON.stringify(method)},`,
      `        "path": ${JSON.stringify(path)},`,
      ...checks.map(([check, rule]) => `        ${JSON.stringify(snake(check))}: ${expression(rule)},`),
      "    },",
    ].join("\n"),
  );
  return `# This file is generated from spec/ by @seedance/codegen (\`pnpm generate\`). Do not edit it by hand.
"""The spec's checks of each operation's input and success body, as data read by \`\`seedance._validation\`\`.

A rule lists its constraints first, keyed by the server's names for them (\`\`type\`\`, \`\`enum\`\`,
\`\`min_length\`\`, \`\`max_length\`\`, \`\`regex\`\`, \`\`format\`\`, \`\`minimum\`\`, \`\`maximum\`\`) in the order the server checks
them, each value the limit a \`\`ValidationError\`\` reports; then \`\`properties\`\`, \`\`required\`\`,
\`\`additional_properties\`\` and \`\`items\`\`. Response rules hold only the shape (forward compatible).
"""

from __future__ import annotations

from typing import Any, Final

Rule = dict[str, Any]
"""A schema compiled to data."""
Operation = dict[str, Any]
"""An operation: \`\`method\`\`, \`\`path\`\` (the URL template) and its rules \`\`check_path\`\`, \`\`check_headers\`\`, \`\`check_body\`\`, \`\`check_response\`\`."""

${constants.join("\n")}

PATTERNS: Final[dict[str, str]] = ${literal(Object.fromEntries(patterns))}
"""Each \`\`regex\`\` of the rules (as the spec writes it) as a Python pattern of the same meaning, for \`\`re.ASCII\`\`."""

OPERATIONS: Final[dict[str, Operation]] = {
${entries.join("\n")}
}
"""Every operation of the spec by operationId."""
`;
}
