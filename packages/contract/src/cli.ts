#!/usr/bin/env node
// `seedance-contract`: the contract check as a command of its own (see command.ts).
import { runContractCommand } from "./command.ts";

process.exitCode = await runContractCommand(process.argv.slice(2), {
  name: "seedance-contract",
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
