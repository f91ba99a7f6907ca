// The API's operations as the proxy matches them. Method and URL template are read from the generated
// operations (the spec), by calling each with a client that records its request.
import { type OperationId, operations, validateOperationRequest } from "@seedance/core";
import type { Client } from "@seedance/core/api";

export type HttpMethod = "GET" | "POST";

export interface ApiOperation {
  method: HttpMethod;
  /** The spec's URL template, e.g. `/v1/tasks/{task_id}`. */
  path: string;
}

const record =
  (method: HttpMethod) =>
  ({ url }: { url: string }): ApiOperation => ({ method, path: url });
const recorder = { get: record("GET"), post: record("POST") } as unknown as Client;

const generated = (Object.keys(operations) as OperationId[]).map((id) => ({
  id,
  ...(operations[id]({ client: recorder } as never) as unknown as ApiOperation),
}));

/** Every operation of the spec: the proxy's default allow-list. */
export const API_OPERATIONS: readonly ApiOperation[] = generated.map(({ method, path }) => ({ method, path }));

export interface MatchedOperation {
  /** The spec's operationId, whose validator checks the body. */
  id: OperationId;
  method: HttpMethod;
  /** The API path to forward to, parameters filled in and checked against the spec. */
  path: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, "\\$&");

/**
 * Finds the allowed operation whose template ends `pathname` (so the proxy can be mounted under any
 * prefix), with path parameters that pass the spec's validator; anything else is not forwarded.
 */
export function createMatcher(allow: readonly ApiOperation[]) {
  const candidates = allow.flatMap((operation) => {
    const id = generated.find((g) => g.method === operation.method && g.path === operation.path)?.id;
    // An entry that is not one of the spec's operations matches nothing.
    if (!id) return [];
    const names: string[] = [];
    const pattern = escapeRegExp(operation.path).replace(/\{(\w+)\}/g, (_, name: string) => {
      names.push(name);
      return "([^/]+)";
    });
    return [{ id, operation, names, regex: new RegExp(`${pattern}$`) }];
  });

  return async (method: string, pathname: string): Promise<MatchedOperation | undefined> => {
    for (const { id, operation, names, regex } of candidates) {
      if (operation.method !== method) continue;
      const found = regex.exec(pathname);
      if (!found) continue;
      const path = Object.fromEntries(names.map((name, i) => [name, safeDecode(found[i + 1] ?? "")]));
      // Checked against the spec, so a parameter cannot be a dot segment that climbs out of the allow-list.
      if (names.length > 0 && !(await validPath(id, path))) continue;
      return {
        id,
        method: operation.method,
        path: operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(path[name] ?? "")),
      };
    }
    return undefined;
  };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return "";
  }
}

async function validPath(id: OperationId, path: Record<string, string>): Promise<boolean> {
  try {
    await validateOperationRequest(id, { path });
    return true;
  } catch {
    return false;
  }
}
