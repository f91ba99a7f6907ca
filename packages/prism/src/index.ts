export { freePort } from "./free-port.ts";
export { bundledSpecPath, type PrismOptions, type PrismServer, startPrism } from "./prism.ts";
export { assertNoViolations, violationsOf } from "./violations.ts";
