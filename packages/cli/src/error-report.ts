// What a failed command prints: one line on stderr (`seedance: …`), or with --json one JSON object
// on stdout (`{"error": {…}}`) and nothing on stderr. The exit code is the same either way.
import type { Writable } from "node:stream";
import { APIError, RateLimitError, sanitizeServerText, ValidationError } from "@seedance/node";
import { CommanderError } from "commander";
import { exitCodeFor, messageFor, TaskFailedError, WaitEndedError } from "./errors.ts";
import { hintFor, retryTime } from "./hints.ts";

export interface ErrorReportOptions {
  json: boolean;
  /** The base URL the command used, for the hints that depend on it. */
  baseUrl?: string | undefined;
  /** Redacted from the message, in case a server echoed it. */
  apiKey?: string | undefined;
  stdout?: Writable;
  stderr?: Writable;
}

/** Prints `error` and returns the exit code for it. */
export function reportError(error: unknown, options: ErrorReportOptions): number {
  const exitCode = exitCodeFor(error);
  // Commander's own errors (unknown flag, missing argument) are already on stderr, with the usage.
  if (error instanceof CommanderError && (exitCode === 0 || !options.json)) return exitCode;
  const message = sanitizeServerText(hintFor(error, options.baseUrl) ?? describe(error), options.apiKey);
  if (options.json) {
    const report = { type: typeOf(error), message, exitCode, ...detailsOf(error) };
    (options.stdout ?? process.stdout).write(`${JSON.stringify({ error: report })}\n`);
  } else {
    (options.stderr ?? process.stderr).write(`seedance: ${message}\n`);
  }
  return exitCode;
}

function describe(error: unknown): string {
  // A command given without a subcommand shows the help, which --json keeps off stdout.
  if (error instanceof CommanderError && error.code === "commander.help")
    return "No command given; see seedance --help.";
  if (error instanceof CommanderError) return error.message.replace(/^error: /, "");
  return error instanceof Error ? messageFor(error) : String(error);
}

const typeOf = (error: unknown): string =>
  error instanceof CommanderError ? "UsageError" : error instanceof Error ? error.name : "Error";

/** The fields a script can act on, beside the message. */
function detailsOf(error: unknown): Record<string, unknown> {
  if (error instanceof WaitEndedError) return { taskId: error.taskId, resume: error.resume };
  if (error instanceof TaskFailedError) return { taskId: error.taskId };
  if (error instanceof ValidationError) return { code: error.code, details: error.details };
  if (!(error instanceof APIError)) return {};
  const { status, code, requestId } = error;
  if (!(error instanceof RateLimitError)) return { status, code, requestId };
  const retryAt = retryTime(error);
  return { status, code, requestId, retryAt: retryAt === undefined ? undefined : new Date(retryAt).toISOString() };
}
