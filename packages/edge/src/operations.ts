// The API's operations as the proxy matches them. Method, URL template and path validator are read
// from the generated operations (the spec), by calling each with a client that records its request.
import { operations } from "@seedance/core";
import type { Client } from "@seedance/core/api";

export type HttpMethod = "GET" | "POST";

export interface ApiOperation {
  method: HttpMethod;
  /** The spec's URL template, e.g. `/v1/tasks/{task_id}`. */
  path: string;
}

interface RecordedRequest extends ApiOperation {
  requestValidator?: (data: unknown) => Promise<unknown>;
}

const record =
  (method: HttpMethod) =>
  ({ url, requestValidator }: { url: string; requestValidator?: RecordedRequest["requestValidator"] }) => ({
    method,
    path: url,
    requestValidator,
  });
const recorder = { get: record("GET"), post: record("POST") } as unknown as Client;

const generated = Object.values(operations).map(
  (operation) => operation({ client: recorder } as never) as unknown as RecordedRequest,
);

/** Every operation of the spec: the proxy's default allow-list. */
export const API_OPERATIONS: readonly ApiOperation[] = generated.map(({ method, path }) => ({ method, path }));

export interface MatchedOperation {
  /** The API path to forward to, parameters filled in and checked against the spec. */
  path: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, "\\$&");

/**
 * Finds the allowed operation whose template ends `pathname` (so the proxy can be mounted under any
 * prefix), with path parameters that pass the spec's validator; anything else is not forwarded.
 */
export function createMatcher(allow: readonly ApiOperation[]) {
  const candidates = allow.map((operation) => {
    const names: string[] = [];
    const pattern = escapeRegExp(operation.path).replace(/\{(\w+)\}/g, (_, name: string) => {
      names.push(name);
      return "([^/]+)";
    });
    const validator = generated.find(
      (g) => g.method === operation.method && g.path === operation.path,
    )?.requestValidator;
    return { operation, names, regex: new RegExp(`${pattern}$`), validator };
  });

  return async (method: string, pathname: string): Promise<MatchedOperation | undefined> => {
    for (const { operation, names, regex, validator } of candidates) {
      if (operation.method !== method) continue;
      const found = regex.exec(pathname);
      if (!found) continue;
      const path = Object.fromEntries(names.map((name, i) => [name, safeDecode(found[i + 1] ?? "")]));
      if (names.length > 0 && !(await validPath(validator, path))) continue;
      return {
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

async function validPath(validator: RecordedRequest["requestValidator"], path: Record<string, string>) {
  // Without the spec's validator a parameter could be a dot segment that climbs out of the allow-list.
  if (!validator) return false;
  try {
    await validator({ path });
    return true;
  } catch {
    return false;
  }
}
