import type {} from "./provided-context.ts";

// Prism start-up and its verdicts come from the published @seedance/prism; tests take them from here.
export {
  assertNoViolations,
  bundledSpecPath,
  freePort,
  type PrismOptions,
  type PrismServer,
  startPrism,
  violationsOf,
} from "@seedance/prism";
export {
  type RecordedRequest,
  type Script,
  type ScriptedServer,
  sendJson,
  startScriptedServer,
} from "./scripted-server.ts";
