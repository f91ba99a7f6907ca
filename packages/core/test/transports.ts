// The transports the behaviour and fault suites run over: core's fetch transport (browsers, edge,
// Deno, a user's fetch) and @seedance/node's node:http one. Core cannot depend on @seedance/node
// (which depends on core), so the Node transport comes in from its source file, which imports
// nothing from core but its errors and types (tsconfig.json and vitest.config.ts map `@seedance/core` to src).
import { afterEach, beforeEach, describe } from "vitest";
import { httpTransport } from "../../node/src/transport/http.js";
import type { ClientOptions } from "../src/index.js";

export const transports = [
  { name: "fetch", options: {} },
  { name: "node:http", options: { transport: httpTransport() } },
] satisfies { name: string; options: ClientOptions }[];

let current: ClientOptions = {};

/** The options that select the transport of the suite running now. */
export const transportOptions = (): ClientOptions => current;

/** Runs `suite` once over each transport; clients made with `transportOptions()` use that suite's one. */
export function overEachTransport(suite: () => void): void {
  describe.each(transports)("over $name", ({ options }) => {
    beforeEach(() => {
      current = options;
    });
    afterEach(() => {
      current = {};
    });
    suite();
  });
}
