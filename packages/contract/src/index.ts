// @seedance/contract: checks any server against the Seedance API spec through Prism's validating
// proxy. `runContract` as a library; `runContractCommand` is the `seedance-contract` command, which
// `seedance contract` (@seedance/cli) runs too.
export { type CommandIO, EXIT, FLAGS, runContractCommand, USAGE } from "./command.ts";
export { checkLine, jsonSummary, junitReport, summaryLine } from "./report.ts";
export { type Check, type ContractOptions, type ContractReport, runContract, type Violation } from "./run.ts";
