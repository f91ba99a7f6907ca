// The bundled spec, read at run time so that the sandbox's limits and enums are the contract's own.
import { createRequire } from "node:module";
import { bundledSpecPath } from "@seedance/prism";

/** The subset of JSON Schema the request bodies use. */
export interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  default?: unknown;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean;
}

const require = createRequire(import.meta.url);

const { components } = require(bundledSpecPath) as { components: { schemas: Record<string, Schema> } };

/** A component schema by name, or the target of a `#/components/schemas/…` reference. */
export function schemaOf(nameOrSchema: string | Schema): Schema {
  const name = typeof nameOrSchema === "string" ? nameOrSchema : nameOrSchema.$ref?.split("/").pop();
  if (name === undefined) return nameOrSchema as Schema;
  const found = components.schemas[name];
  if (!found) throw new Error(`The spec has no schema ${name}`);
  return found;
}
