#!/usr/bin/env node
// `seedance`: runs the command line and turns its outcome into an exit code (see README).
import { createRequire } from "node:module";
import { sanitizeServerText } from "@seedance/node";
import { CommanderError } from "commander";
import { EXIT, exitCodeFor, messageFor } from "./errors.ts";
import { createProgram } from "./program.ts";

const { version } = createRequire(import.meta.url)("../package.json") as { version: string };
const interrupt = new AbortController();
// The first Ctrl-C aborts the call (the bar is cleaned up, exit 130); a second one exits at once.
process.on("SIGINT", () => (interrupt.signal.aborted ? process.exit(EXIT.interrupted) : interrupt.abort()));

let program: ReturnType<typeof createProgram> | undefined;
try {
  program = createProgram({ signal: interrupt.signal, stdin: process.stdin, version });
  await program.parseAsync();
} catch (error) {
  // Commander has already printed its own usage errors. Messages carry server text: sanitised.
  const apiKey = program?.opts<{ apiKey?: string }>().apiKey;
  if (!(error instanceof CommanderError)) {
    process.stderr.write(`seedance: ${sanitizeServerText(messageFor(error), apiKey)}\n`);
  }
  process.exitCode = exitCodeFor(error);
}
