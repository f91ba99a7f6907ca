// The operations of the bundled spec (from the @seedance/openapi dependency, via @seedance/prism)
// and their documented statuses: what the contract check calls, and which answers it expects.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { bundledSpecPath } from "@seedance/prism";

export interface Operation {
  id: string;
  method: string;
  path: string;
  statuses: string[];
  /** The first request body example, for operations that take a body. */
  example?: Record<string, unknown>;
}

interface SpecOperation {
  operationId: string;
  responses: Record<string, unknown>;
  requestBody?: {
    content: Record<string, { schema?: unknown; examples?: Record<string, { value: Record<string, unknown> }> }>;
  };
}

interface Spec {
  info: { version: string };
  paths: Record<string, Record<string, SpecOperation>>;
  components: { schemas: { Prompt: { maxLength: number } } };
}

export interface ContractSpec {
  version: string;
  operations: Operation[];
  /** The longest prompt the spec allows (one more character provokes a 400). */
  promptLimit: number;
  /** Writes the spec with request bodies left unchecked, so Prism forwards a bad body; returns its path. */
  writeLenient(dir: string): Promise<string>;
}

const isOperation = (value: unknown): value is SpecOperation =>
  typeof value === "object" && value !== null && "responses" in value;

export async function loadContractSpec(): Promise<ContractSpec> {
  const spec = JSON.parse(await readFile(bundledSpecPath, "utf8")) as Spec;
  const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter((entry): entry is [string, SpecOperation] => isOperation(entry[1]))
      .map(([method, operation]) => {
        const examples = operation.requestBody?.content["application/json"]?.examples;
        return {
          id: operation.operationId,
          method: method.toUpperCase(),
          path,
          statuses: Object.keys(operation.responses),
          example: examples && Object.values(examples)[0]?.value,
        };
      }),
  );
  return {
    version: spec.info.version,
    operations,
    promptLimit: spec.components.schemas.Prompt.maxLength,
    async writeLenient(dir) {
      const lenient = structuredClone(spec);
      for (const operation of Object.values(lenient.paths).flatMap((item) => Object.values(item).filter(isOperation))) {
        for (const media of Object.values(operation.requestBody?.content ?? {})) media.schema = {};
      }
      const path = join(dir, "openapi.lenient.json");
      await writeFile(path, JSON.stringify(lenient));
      return path;
    },
  };
}
