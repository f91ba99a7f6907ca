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
  ANSWER_KINDS,
  type FaultAnswer,
  type FaultCase,
  type FaultMatrix,
  type FaultRun,
  type FaultServer,
  loadFaultMatrix,
  SUCCESS,
  startFaultServer,
  validateFaultMatrix,
} from "./fault-server.ts";
export {
  type BodyOptions,
  drippingBody,
  gzipBomb,
  largeBody,
  type Pushed,
  pushed,
  redirectTo,
  type Slowloris,
  slowlorisPost,
} from "./hostile.ts";
export {
  type InstallPackedOptions,
  installPacked,
  lockedVersions,
  outsideEnv,
  type PackOptions,
  packWorkspace,
  repositoryRoot,
  workspaceClosure,
} from "./packed.ts";
export { isListening, waitUntilClosed } from "./ports.ts";
export {
  type Finished,
  ProcessError,
  type ProcessOptions,
  runProcess,
  type Started,
  startProcess,
} from "./processes.ts";
export { provisionPythonTools, pythonTool } from "./python-tools.ts";
export { type RedisServer, startRedisServer } from "./redis-server.ts";
export {
  type RecordedRequest,
  type Script,
  type ScriptedServer,
  scriptedServerPool,
  sendJson,
  startScriptedServer,
} from "./scripted-server.ts";
export {
  chromium,
  findSystemTool,
  redisServer,
  requireSystemTool,
  type SystemTool,
} from "./system-tools.ts";
