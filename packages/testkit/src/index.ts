import type {} from "./provided-context.ts";

export { freePort } from "./free-port.ts";
export { bundledSpecPath, type PrismOptions, type PrismServer, startPrism } from "./prism.ts";
export { assertNoViolations, violationsOf } from "./violations.ts";
export {
  type RecordedRequest,
  type Script,
  type ScriptedServer,
  sendJson,
  startScriptedServer,
} from "./scripted-server.ts";
