// The API's operations as the proxy matches them: method, URL template and path check come from the
// spec's generated operations (OPERATIONS from @seedance/core).
import { OPERATIONS, type OperationId, validateOperationRequest } from "@seedance/core";

export type HttpMethod = "GET" | "POST";

export interface ApiOperation {
  method: HttpMethod;
  /** The spec's URL template, e.g. `/v1/tasks/{task_id}`. */
  path: string;
}

// Pure calls: a bundle without the proxy drops them.
const generated = /* @__PURE__ */ Object.values(OPERATIONS);

/** Every operation of the spec: the proxy's default allow-list. */
export const API_OPERATIONS: readonly ApiOperation[] = /* @__PURE__ */ generated.map(({ method, path }) => ({
  method,
  path,
}));

export interface MatchedOperation {
  /** The spec's operationId, whose checks the body must pass. */
  id: OperationId;
  method: HttpMethod;
  /** The API path to forward to, parameters filled in and checked against the spec. */
  path: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, "\\$&");

/**
 * Finds the allowed operation whose template ends `pathname` (so the proxy can be mounted under any
 * prefix), with path parameters that pass the spec's checks; anything else is not forwarded.
 */
export function createMatcher(allow: readonly ApiOperation[]) {
  const candidates = allow.flatMap((operation) => {
    const spec = generated.find((g) => g.method === operation.method && g.path === operation.path);
    // An entry that is not one of the spec's operations matches nothing.
    if (!spec) return [];
    const names: string[] = [];
    const pattern = escapeRegExp(operation.path).replace(/\{(\w+)\}/g, (_, name: string) => {
      names.push(name);
      return "([^/]+)";
    });
    return [{ operation, names, regex: new RegExp(`${pattern}$`), spec }];
  });

  return async (method: string, pathname: string): Promise<MatchedOperation | undefined> => {
    for (const { operation, names, regex, spec } of candidates) {
      if (operation.method !== method) continue;
      const found = regex.exec(pathname);
      if (!found) continue;
      const path = Object.fromEntries(names.map((name, i) => [name, safeDecode(found[i + 1] ?? "")]));
      // Parameters must pass the spec's check, and are never dot segments, which climb out of the allow-list.
      if (names.length > 0 && !(spec.checkPath && (await passes(spec.operationId as OperationId, path)))) continue;
      return {
        id: spec.operationId as OperationId,
        method: operation.method,
        path: operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(path[name] ?? "")),
      };
    }
    return undefined;
  };
}

async function passes(operationId: OperationId, path: Record<string, string>): Promise<boolean> {
  try {
    await validateOperationRequest(operationId, { path });
    return true;
  } catch {
    return false;
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return "";
  }
}
