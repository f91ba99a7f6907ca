export { freePort } from "./free-port.ts";
export { bundledSpecPath, type PrismOptions, type PrismServer, startPrism } from "./prism.ts";
export { onShutdown, stopOnShutdown } from "./shutdown.ts";
export { assertNoViolations, violationsOf } from "./violations.ts";
