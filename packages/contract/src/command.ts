// The `seedance-contract` command, which @seedance/cli also runs as `seedance contract`: reads its
// flags, checks the server, prints a line per check as it finishes and a summary (or JSON lines),
// writes the JUnit report, and returns the exit code.
import { writeFile } from "node:fs/promises";
import type { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { checkLine, jsonSummary, junitReport, summaryLine } from "./report.ts";
import { runContract } from "./run.ts";

export const EXIT = {
  /** Every check passed with zero violations. */
  conformant: 0,
  /** A check failed, Prism found a violation, or the check could not run. */
  failure: 1,
  /** Bad command line: an unknown flag, a missing server or key. */
  usage: 2,
} as const;

export interface CommandIO {
  /** The command's name in its messages: `seedance-contract`, or `seedance` when run as `seedance contract`. */
  name: string;
  stdout: Writable;
  stderr: Writable;
  /** Where SEEDANCE_API_KEY and SEEDANCE_BASE_URL are read from. */
  env: NodeJS.ProcessEnv;
}

/** The flags, a line each: also shown by `seedance contract --help`. */
export const FLAGS = `  --base-url URL  the server to check (or SEEDANCE_BASE_URL)
  --api-key KEY   a valid key for it (or SEEDANCE_API_KEY; the environment keeps it out of \`ps\`)
  --sandbox       the server is a Seedance sandbox: also provoke 429 (free-tier keys), 500 and 503 (prompt triggers)
  --json          a JSON line per check, then a {"summary": …} line
  --junit FILE    also write a JUnit XML report (a test case per operation and status)`;

export const USAGE = `Usage: seedance-contract --base-url URL [--api-key KEY] [--sandbox] [--json] [--junit FILE]
       (or: seedance contract …, with @seedance/cli)

Checks a server against the Seedance API spec through Prism's validating proxy: every documented
status of every operation it can provoke, and Prism's verdict on each answer. Exit code 0 when every
check passed with zero violations, 1 otherwise, 2 for a usage error.

${FLAGS}
  -h, --help      this text

Examples:
  SEEDANCE_API_KEY=sk-… seedance-contract --base-url https://gateway.example --junit contract.xml
  npx seedance-sandbox &   # then:
  SEEDANCE_API_KEY=sk-test-sandbox seedance-contract --base-url http://127.0.0.1:4010 --sandbox`;

class UsageError extends Error {}

const OPTIONS = {
  "base-url": { type: "string" },
  "api-key": { type: "string" },
  sandbox: { type: "boolean", default: false },
  json: { type: "boolean", default: false },
  junit: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** The flags; a UsageError (or parseArgs' own ERR_PARSE_ARGS_* error) for a command line it cannot run. */
function parse(args: string[], env: NodeJS.ProcessEnv) {
  const { values } = parseArgs({ args, options: OPTIONS });
  if (values.help) return { help: true } as const;
  const baseUrl = values["base-url"] ?? env.SEEDANCE_BASE_URL;
  const apiKey = values["api-key"] ?? env.SEEDANCE_API_KEY;
  if (!baseUrl) throw new UsageError("contract needs the server to check: pass --base-url (or SEEDANCE_BASE_URL).");
  if (!apiKey) {
    throw new UsageError("contract needs a valid key for that server: pass --api-key (or SEEDANCE_API_KEY).");
  }
  return { baseUrl, apiKey, sandbox: values.sandbox, json: values.json, junit: values.junit };
}

const isUsageError = (error: unknown) =>
  error instanceof UsageError || String((error as NodeJS.ErrnoException).code).startsWith("ERR_PARSE_ARGS");

/** Runs the command with `args` (without the command's own name) and resolves with its exit code. */
export async function runContractCommand(args: string[], io: CommandIO): Promise<number> {
  const line = (stream: Writable, text: string) => stream.write(`${text}\n`);
  let flags: ReturnType<typeof parse>;
  try {
    flags = parse(args, io.env);
  } catch (error) {
    if (!isUsageError(error)) throw error;
    line(io.stderr, `${io.name}: ${(error as Error).message}\n(add --help for usage)`);
    return EXIT.usage;
  }
  if ("help" in flags) {
    line(io.stdout, USAGE);
    return EXIT.conformant;
  }
  const { baseUrl, json } = flags;
  const print = (value: unknown, text: string) => line(io.stdout, json ? JSON.stringify(value) : text);
  if (!json) line(io.stdout, `Contract check of ${baseUrl} through Prism's validating proxy\n`);
  try {
    const report = await runContract({
      baseUrl,
      apiKey: flags.apiKey,
      sandbox: flags.sandbox,
      onCheck: (check) => print(check, checkLine(check)),
    });
    print(jsonSummary(report), `\n${summaryLine(report)}`);
    if (flags.junit) await writeFile(flags.junit, junitReport(report));
    if (report.ok) return EXIT.conformant;
    line(io.stderr, `${io.name}: ${baseUrl} breaks the contract: ${summaryLine(report)}`);
  } catch (error) {
    line(io.stderr, `${io.name}: the contract check could not run: ${(error as Error).message}`);
  }
  return EXIT.failure;
}
