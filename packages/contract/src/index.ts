// @seedance/contract: checks any server against the Seedance API spec, its schemas and its promises
// beyond them. `runContract` as a library; `runContractCommand` is the `seedance-contract` command,
// which `seedance contract` (@seedance/cli) runs too.
export { CHECK_NAMES, CHECKS, type CheckName, type Finding } from "./checks.ts";
export { type CommandIO, EXIT, FLAGS, runContractCommand, USAGE } from "./command.ts";
export { checkLine, findingText, junitReport, markdownReport, summaryLine, textReport } from "./report.ts";
export {
  type CheckResult,
  type ContractOptions,
  type ContractReport,
  DEFAULT_MAX_TIME_MS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  type NotProvoked,
  runContract,
} from "./run.ts";
