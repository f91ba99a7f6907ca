// Runs the contract checks against a server: two Prism validating proxies in front of it (one
// leaving request bodies unchecked, for the 400s the server must answer itself), every documented
// status of every operation provoked where it can be, and Prism's verdict on each answer.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type PrismServer, startPrism, violationsOf } from "@seedance/prism";
import { loadContractSpec, type Operation } from "./operations.ts";
import { provoke, type Target } from "./provoke.ts";

export interface ContractOptions {
  /** The server to check. */
  baseUrl: string;
  apiKey: string;
  /** The server is a Seedance sandbox: also provoke 429 (free-tier keys), 500 and 503 (prompt triggers). */
  sandbox?: boolean;
  /** Bounds each call (default 60 s). */
  timeoutMs?: number;
  /** Called with each check as it finishes. */
  onCheck?: (check: Check) => void;
}

/** One way Prism found an answer to break the spec (its `sl-violations` header). */
export interface Violation {
  location: string;
  message: string;
}

export interface Check {
  operation: string;
  method: string;
  path: string;
  /** The documented status this check provokes. */
  status: string;
  outcome: "pass" | "fail" | "skip";
  /** The status that came back, when the call was made. */
  got?: number;
  violations: Violation[];
  /** Why it failed or was skipped (a violation count, another status, an error). */
  reason?: string;
  durationMs: number;
}

export interface ContractReport {
  baseUrl: string;
  specVersion: string;
  checks: Check[];
  passed: number;
  failed: number;
  skipped: number;
  violations: number;
  ok: boolean;
}

const toViolation = (raw: unknown): Violation => {
  const { location, message } = (raw ?? {}) as { location?: unknown; message?: unknown };
  return {
    location: Array.isArray(location) ? location.join(".") : "",
    message: typeof message === "string" ? message : JSON.stringify(raw),
  };
};

async function check(operation: Operation, status: string, target: Target): Promise<Check> {
  const started = Date.now();
  const base = { operation: operation.id, method: operation.method, path: operation.path, status, violations: [] };
  const done = (rest: Partial<Check> & Pick<Check, "outcome">): Check => ({
    ...base,
    ...rest,
    durationMs: Date.now() - started,
  });
  const provoked = provoke(operation, status, target);
  if ("skip" in provoked) return done({ outcome: "skip", reason: `not provoked: ${provoked.skip}` });
  try {
    const response = await provoked;
    await response.body?.cancel();
    const violations = violationsOf(response).map(toViolation);
    const got = response.status;
    if (violations.length > 0) {
      const count = `${violations.length} violation${violations.length === 1 ? "" : "s"}`;
      return done({ outcome: "fail", got, violations, reason: `got ${got}, ${count}` });
    }
    if (String(got) !== status) return done({ outcome: "fail", got, reason: `got ${got} instead` });
    return done({ outcome: "pass", got });
  } catch (error) {
    return done({ outcome: "fail", reason: `the call could not be made: ${(error as Error).message}` });
  }
}

export async function runContract(options: ContractOptions): Promise<ContractReport> {
  const spec = await loadContractSpec();
  const workDir = await mkdtemp(join(tmpdir(), "seedance-contract-"));
  const stops: (() => Promise<void>)[] = [];
  try {
    const started = await Promise.allSettled([
      startPrism({ upstream: options.baseUrl }),
      spec.writeLenient(workDir).then((path) => startPrism({ upstream: options.baseUrl, spec: path })),
    ]);
    for (const prism of started) if (prism.status === "fulfilled") stops.push(prism.value.stop);
    const [strict, lenient] = started.map((prism) => {
      if (prism.status === "rejected") throw prism.reason;
      return prism.value;
    }) as [PrismServer, PrismServer];
    const target: Target = {
      url: strict.url,
      lenientUrl: lenient.url,
      apiKey: options.apiKey,
      sandbox: options.sandbox ?? false,
      spec,
      timeoutMs: options.timeoutMs ?? 60_000,
    };
    // One call at a time: a real service's rate limit is shared by all of them.
    const checks: Check[] = [];
    for (const operation of spec.operations) {
      for (const status of operation.statuses) {
        const result = await check(operation, status, target);
        options.onCheck?.(result);
        checks.push(result);
      }
    }
    const count = (outcome: Check["outcome"]) => checks.filter((c) => c.outcome === outcome).length;
    const violations = checks.reduce((sum, c) => sum + c.violations.length, 0);
    return {
      baseUrl: options.baseUrl,
      specVersion: spec.version,
      checks,
      passed: count("pass"),
      failed: count("fail"),
      skipped: count("skip"),
      violations,
      ok: count("fail") === 0 && violations === 0,
    };
  } finally {
    await Promise.all(stops.map((stop) => stop()));
    await rm(workDir, { recursive: true, force: true });
  }
}
