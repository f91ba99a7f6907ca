// Reads the bundled spec so that the contract suite covers every operation and every documented
// status without restating them: a new operation or status in the spec is a new test case.
import { readFileSync } from "node:fs";
import { bundledSpecPath } from "@seedance/testkit";

interface SpecOperation {
  operationId: string;
  method: string;
  path: string;
  statuses: number[];
  successStatus: number;
  /** A valid request built from the spec's own examples. */
  sample: { body?: Record<string, unknown>; path?: Record<string, string> };
}

type Json = Record<string, any>;

export const spec: Json = JSON.parse(readFileSync(bundledSpecPath, "utf8"));

function deref(node: Json): Json {
  if (!node.$ref) return node;
  const target = (node.$ref as string)
    .slice(2)
    .split("/")
    .reduce((at: Json, key: string) => at[key], spec);
  return deref(target);
}

export const operations: SpecOperation[] = Object.entries(spec.paths as Json).flatMap(([path, item]) =>
  Object.entries(item as Json).map(([method, op]: [string, Json]) => {
    const statuses = Object.keys(op.responses).map(Number);
    const body = op.requestBody
      ? (Object.values(deref(op.requestBody).content["application/json"].examples)[0] as Json).value
      : undefined;
    const pathParams = (op.parameters ?? [])
      .map(deref)
      .filter((p: Json) => p.in === "path")
      .map((p: Json) => [p.name, p.example]);
    return {
      operationId: op.operationId,
      method: method.toUpperCase(),
      path,
      statuses,
      successStatus: statuses.find((s) => s < 300) ?? 200,
      sample: { body, path: pathParams.length ? Object.fromEntries(pathParams) : undefined },
    };
  }),
);

export const errorCodes: string[] = spec.components.schemas.ErrorCode.enum;
