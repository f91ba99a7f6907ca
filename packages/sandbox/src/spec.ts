// The bundled spec, read at run time for the defaults the simulator fills in (its checks are core's
// compiled ones, see validation.ts).
import { createRequire } from "node:module";
import { bundledSpecPath } from "@seedance/prism";

/** The parts of a schema the simulator reads. */
export interface Schema {
  $ref?: string;
  enum?: unknown[];
  default?: unknown;
  properties?: Record<string, Schema>;
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
