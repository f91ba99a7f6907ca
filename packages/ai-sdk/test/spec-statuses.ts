// The documented error statuses of each operation the provider calls, read from the bundled spec so
// a status added there is a new test case here.
import { readFileSync } from "node:fs";
import { bundledSpecPath } from "@seedance/testkit";

type Json = Record<string, any>;
const spec: Json = JSON.parse(readFileSync(bundledSpecPath, "utf8"));

export function errorStatuses(operationId: string): number[] {
  for (const item of Object.values(spec.paths as Json)) {
    for (const operation of Object.values(item as Json) as Json[]) {
      if (operation.operationId === operationId)
        return Object.keys(operation.responses)
          .map(Number)
          .filter((s) => s >= 400);
    }
  }
  throw new Error(`The spec has no operation ${operationId}`);
}
