// The `seedance-contract` command, which @seedance/cli also runs as `seedance contract`: reads its
// flags, checks the server, prints the report (text or JSON), writes the JUnit and Markdown reports,
// and returns the exit code.
import { writeFile } from "node:fs/promises";
import type { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { CHECK_NAMES, type CheckName } from "./checks.ts";
import { junitReport, markdownReport, summaryLine, textReport } from "./report.ts";
import { DEFAULT_MAX_TIME_MS, DEFAULT_REQUEST_TIMEOUT_MS, runContract } from "./run.ts";

export const EXIT = {
  /** Every check passed: no finding. */
  conformant: 0,
  /** At least one finding (or the check could not run). */
  findings: 1,
  /** Bad command line: an unknown flag or check, a missing server or key. */
  usage: 2,
  /** Nothing answers at the base URL. */
  unreachable: 3,
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
export const FLAGS = `  --base-url URL          the server to check (or SEEDANCE_BASE_URL)
  --api-key KEY           a valid key for it (or SEEDANCE_API_KEY; the environment keeps it out of \`ps\`)
  --sandbox               the server is a Seedance sandbox: also provoke 429 (free-tier keys), 500 and 503 (prompt triggers)
  --checks A,B            run only these checks (names in the README's checks reference)
  --exclude-checks A,B    run all checks but these
  --seed N                repeat a run: the same generated values and order (the report prints each run's seed)
  --request-timeout S     the time budget of each request, in seconds (default ${DEFAULT_REQUEST_TIMEOUT_MS / 1000})
  --max-time S            the deadline of the whole run, in seconds (default ${DEFAULT_MAX_TIME_MS / 1000})
  --json                  the report as one JSON document (every finding)
  --junit FILE            also write a JUnit XML report (a test case per check, a failure per finding)
  --report FILE.md        also write a Markdown report for humans`;

export const USAGE = `Usage: seedance-contract --base-url URL [--api-key KEY] [flags]
       (or: seedance contract …, with @seedance/cli)

Checks a server against the Seedance API spec: every answer against its documented status, headers
and schema, and the spec's promises beyond the schemas (auth schemes, idempotent replay, error codes,
answers that reflect the request, the task lifecycle, rate-limit headers, time budgets), with valid
and invalid requests at every boundary of every field. Exit code 0 when there is no finding, 1 when
there are findings, 2 for a usage error, 3 when nothing answers at the URL.

${FLAGS}
  -h, --help              this text

Examples:
  SEEDANCE_API_KEY=sk-… seedance-contract --base-url https://gateway.example --junit contract.xml
  npx seedance-sandbox &   # then:
  SEEDANCE_API_KEY=sk-test-sandbox seedance-contract --base-url http://127.0.0.1:4010 --sandbox`;

class UsageError extends Error {}

const OPTIONS = {
  "base-url": { type: "string" },
  "api-key": { type: "string" },
  sandbox: { type: "boolean", default: false },
  checks: { type: "string" },
  "exclude-checks": { type: "string" },
  seed: { type: "string" },
  "request-timeout": { type: "string" },
  "max-time": { type: "string" },
  json: { type: "boolean", default: false },
  junit: { type: "string" },
  report: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

function checkList(flag: string, value: string | undefined): CheckName[] | undefined {
  if (value === undefined) return undefined;
  const names = value
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !(CHECK_NAMES as string[]).includes(name));
  if (unknown.length > 0)
    throw new UsageError(`${flag}: no check named ${unknown.join(", ")}; the checks are ${CHECK_NAMES.join(", ")}.`);
  return names as CheckName[];
}

function seconds(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!(number > 0) || !Number.isFinite(number))
    throw new UsageError(`${flag} takes a number of seconds above 0, got ${JSON.stringify(value)}.`);
  return Math.round(number * 1000);
}

/** The flags; a UsageError (or parseArgs' own ERR_PARSE_ARGS_* error) for a command line it cannot run. */
function parse(args: string[], env: NodeJS.ProcessEnv) {
  const { values } = parseArgs({ args, options: OPTIONS });
  if (values.help) return { help: true } as const;
  const baseUrl = values["base-url"] ?? env.SEEDANCE_BASE_URL;
  const apiKey = values["api-key"] ?? env.SEEDANCE_API_KEY;
  if (!baseUrl) throw new UsageError("contract needs the server to check: pass --base-url (or SEEDANCE_BASE_URL).");
  if (!/^https?:\/\/[^/]/.test(baseUrl))
    throw new UsageError(`--base-url must be an http(s) URL, got ${JSON.stringify(baseUrl)}.`);
  if (!apiKey) {
    throw new UsageError("contract needs a valid key for that server: pass --api-key (or SEEDANCE_API_KEY).");
  }
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isSafeInteger(seed))
    throw new UsageError(`--seed takes an integer, got ${JSON.stringify(values.seed)}.`);
  return {
    baseUrl,
    apiKey,
    sandbox: values.sandbox,
    json: values.json,
    junit: values.junit,
    report: values.report,
    seed,
    checks: checkList("--checks", values.checks),
    excludeChecks: checkList("--exclude-checks", values["exclude-checks"]),
    requestTimeoutMs: seconds("--request-timeout", values["request-timeout"]),
    maxTimeMs: seconds("--max-time", values["max-time"]),
  };
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
  if (!json) line(io.stdout, `Contract check of ${baseUrl}\n`);
  try {
    const report = await runContract(flags);
    line(io.stdout, json ? JSON.stringify(report) : textReport(report));
    if (flags.junit) await writeFile(flags.junit, junitReport(report));
    if (flags.report) await writeFile(flags.report, markdownReport(report));
    if (!report.reachable) {
      line(io.stderr, `${io.name}: ${baseUrl} is unreachable: ${report.unreachable ?? "no answer"}`);
      return EXIT.unreachable;
    }
    if (report.ok) return EXIT.conformant;
    line(io.stderr, `${io.name}: ${baseUrl} breaks the contract: ${summaryLine(report)}`);
  } catch (error) {
    line(io.stderr, `${io.name}: the contract check could not run: ${(error as Error).message}`);
  }
  return EXIT.findings;
}
