// Which transport a Node client uses when it is given none.
import type { Transport } from "@seedance/core";
import type { Fetch } from "../download.js";
import type { HttpTransportOptions } from "./http.js";
import { httpTransport } from "./http.js";

/**
 * node:http in Node. A caller's own `fetch` is kept (undefined: core's fetch transport over it), and
 * so is fetch in Bun, whose node:http is a layer over its fetch and measured slower (see the README).
 */
export function defaultTransport(
  fetch: Fetch | undefined,
  agent: HttpTransportOptions["agent"],
): Transport | undefined {
  if (fetch || "Bun" in globalThis) return undefined;
  return httpTransport({ agent });
}
