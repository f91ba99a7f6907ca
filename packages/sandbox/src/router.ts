// Routing by the spec's URL templates (core's OPERATIONS): the operation a method and path name,
// with its path parameters decoded, or the methods a known path allows (for a 405).
import { OPERATIONS, type OperationSpec } from "@seedance/core";
import type { OperationId } from "./validation.ts";

export type Route =
  | { operationId: OperationId; operation: OperationSpec; path: Record<string, string> }
  | { allow: string[] }
  | undefined;

interface Template {
  operationId: OperationId;
  operation: OperationSpec;
  pattern: RegExp;
  names: string[];
}

const TEMPLATES: Template[] = Object.entries(OPERATIONS).map(([operationId, operation]) => {
  const names: string[] = [];
  const source = operation.path
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{(.+)\}$/.exec(part)?.[1];
      if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(name);
      return "([^/]+)";
    })
    .join("");
  return { operationId: operationId as OperationId, operation, pattern: new RegExp(`^${source}$`), names };
});

/** A segment as sent, decoded; left as sent when it is not valid percent-encoding (the path check rejects it). */
function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function route(method: string | undefined, pathname: string): Route {
  const matches = TEMPLATES.map((template) => ({ template, found: template.pattern.exec(pathname) })).filter(
    ({ found }) => found !== null,
  );
  const match = matches.find(({ template }) => template.operation.method === method);
  if (!match)
    return matches.length > 0 ? { allow: matches.map(({ template }) => template.operation.method) } : undefined;
  const { template, found } = match;
  const path = Object.fromEntries(template.names.map((name, index) => [name, decode(found?.[index + 1] ?? "")]));
  return { operationId: template.operationId, operation: template.operation, path };
}
