// Runs the contract check against a server: a probe, then the scenarios (coverage, auth, replay and
// the task lifecycle side by side; the sandbox's triggers with --sandbox), each request within its
// time budget and the whole run within its deadline, and the report: a verdict per check, the
// findings, and each documented status that could not be provoked, with why.
import { CHECK_NAMES, type CheckName, type Finding, Findings } from "./checks.ts";
import { type Context, seededRandom } from "./context.ts";
import { auth, coverage, idempotency, lifecycle, probe, sandboxTriggers } from "./scenarios.ts";
import { loadContractSpec } from "./spec.ts";

export interface ContractOptions {
  /** The server to check. */
  baseUrl: string;
  /** A valid key for it. */
  apiKey: string;
  /** The server is a Seedance sandbox: also provoke 429 (free-tier keys), 500 and 503 (prompt triggers). */
  sandbox?: boolean;
  /** The time budget of each request (default 10 s). */
  requestTimeoutMs?: number;
  /** The deadline of the whole run (default 300 s). */
  maxTimeMs?: number;
  /** Seeds every generated value and the order of the cases (default: a random seed, reported). */
  seed?: number;
  /** The checks to run (default: all). */
  checks?: CheckName[];
  /** Checks to leave out. */
  excludeChecks?: CheckName[];
}

export interface CheckResult {
  name: CheckName;
  outcome: "pass" | "fail" | "skip";
  /** How many requests it sent. */
  requests: number;
  findings: number;
  /** Why it was skipped. */
  reason?: string;
}

export interface NotProvoked {
  operation: string;
  status: string;
  reason: string;
}

export interface ContractReport {
  baseUrl: string;
  specVersion: string;
  seed: number;
  /** Requests sent. */
  requests: number;
  durationMs: number;
  /** False when nothing answered at the base URL (exit code 3). */
  reachable: boolean;
  /** Why it was unreachable. */
  unreachable?: string;
  checks: CheckResult[];
  findings: Finding[];
  notProvoked: NotProvoked[];
  ok: boolean;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_TIME_MS = 300_000;

/** Checks that judge every answer, whichever scenario asked. */
const EVERY_ANSWER = new Set<CheckName>([
  "status_code_conformance",
  "content_type_conformance",
  "response_headers_conformance",
  "response_schema_conformance",
  "error_code_for_status",
  "rate_limit_semantics",
  "response_time",
]);

/** Why a documented status was not seen. */
function whyNotProvoked(status: string, sandbox: boolean, elsewhere: string[]): string {
  if (status === "403") return "no call can provoke it without a key that lacks access";
  if (["429", "500", "503"].includes(status) && !sandbox)
    return "cannot be provoked on an arbitrary server (--sandbox provokes it on a Seedance sandbox)";
  if (elsewhere.length > 0) return `provoked on ${elsewhere.join(", ")} (the same shared answer)`;
  return "no request provoked it";
}

export async function runContract(options: ContractOptions): Promise<ContractReport> {
  const started = performance.now();
  const spec = loadContractSpec();
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const excluded = new Set(options.excludeChecks ?? []);
  const selected = new Set((options.checks ?? CHECK_NAMES).filter((name) => !excluded.has(name)));
  const maxTimeMs = options.maxTimeMs ?? DEFAULT_MAX_TIME_MS;
  const deadline = AbortSignal.timeout(maxTimeMs);
  const context: Context = {
    spec,
    transport: {
      baseUrl: options.baseUrl.replace(/\/+$/, ""),
      apiKey: options.apiKey,
      requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      deadline,
      sent: { count: 0 },
    },
    findings: new Findings(),
    selected,
    sandbox: options.sandbox ?? false,
    random: seededRandom(seed),
    hung: new Set(),
    provoked: new Set(),
    exercised: new Map(),
  };
  const reach = await probe(context);
  if (reach.reachable) {
    const wanted = (...names: CheckName[]) => names.some((name) => selected.has(name));
    const schemaLevel = wanted(...EVERY_ANSWER);
    const run = (yes: boolean, scenario: (context: Context) => Promise<void>) => (yes ? scenario(context) : undefined);
    await Promise.all([
      run(schemaLevel || wanted("async_lifecycle", "task_not_completed", "response_reflects_request"), lifecycle),
      (async () => {
        await run(
          schemaLevel ||
            wanted("positive_data_acceptance", "negative_data_rejection", "not_found", "response_reflects_request"),
          coverage,
        );
        await run(schemaLevel || wanted("auth_schemes"), auth);
        await run(schemaLevel || wanted("idempotent_replay"), idempotency);
        await run(context.sandbox, sandboxTriggers);
      })(),
    ]);
    if (deadline.aborted && selected.has("response_time"))
      context.findings.add({
        check: "response_time",
        operation: "(the run)",
        rule: `the run did not finish within its deadline (${maxTimeMs} ms)`,
        expected: `every scenario within ${maxTimeMs} ms (--max-time)`,
        got: `stopped after ${context.transport.sent.count} requests`,
        curl: "",
      });
  }
  const findings = context.findings.list();
  const checks: CheckResult[] = CHECK_NAMES.filter((name) => selected.has(name)).map((name) => {
    const count = findings.filter((finding) => finding.check === name).length;
    const requests = EVERY_ANSWER.has(name) ? context.transport.sent.count : (context.exercised.get(name) ?? 0);
    if (count > 0) return { name, outcome: "fail", requests, findings: count };
    const judged =
      requests > 0 || !["auth_schemes", "idempotent_replay", "task_not_completed", "not_found"].includes(name);
    return judged
      ? { name, outcome: "pass", requests, findings: 0 }
      : { name, outcome: "skip", requests, findings: 0, reason: "no request exercised it" };
  });
  const notProvoked = spec.operations.flatMap((operation) =>
    [...operation.responses.keys()]
      .filter((status) => !context.provoked.has(`${operation.id} ${status}`))
      .map((status) => {
        const elsewhere = spec.operations
          .filter((other) => context.provoked.has(`${other.id} ${status}`))
          .map((other) => other.id);
        return { operation: operation.id, status, reason: whyNotProvoked(status, context.sandbox, elsewhere) };
      }),
  );
  return {
    baseUrl: context.transport.baseUrl,
    specVersion: spec.version,
    seed,
    requests: context.transport.sent.count,
    durationMs: Math.round(performance.now() - started),
    reachable: reach.reachable,
    unreachable: reach.reason,
    checks,
    findings,
    notProvoked,
    ok: reach.reachable && findings.length === 0,
  };
}
