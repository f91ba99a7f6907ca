// The named checks (documented in the README's checks reference) and a finding: one broken rule,
// with the operation, the request that provoked it as a `curl` line, what was expected and what the
// server sent. Findings with the same check and rule (on any operation, with any status) are one
// root cause: one finding, seen N times.

export const CHECKS = {
  status_code_conformance: "the status is one the spec documents for the operation",
  content_type_conformance: "a documented body comes with its documented media type",
  response_headers_conformance: "every header the spec requires on the answer is there, with a valid value",
  response_schema_conformance: "the body matches the documented schema (envelope, types, enums, formats, URLs)",
  positive_data_acceptance: "every valid request (each boundary and enum value of each field) is accepted",
  negative_data_rejection: "every request that breaks one constraint is refused with the documented 400 envelope",
  auth_schemes: "each documented auth scheme works with a valid key, and a missing or bad key is a 401",
  not_found: "an unknown task id is a 404",
  task_not_completed: "the result of an unfinished task is a 409 TASK_NOT_COMPLETED",
  error_code_for_status: "an error's code is one the spec's error table gives for its status",
  idempotent_replay: "the same Idempotency-Key and body replay the first answer; another body is a 400",
  response_reflects_request: "the answer reflects the request (image count, model, resolution, duration)",
  async_lifecycle: "a task moves forward only, has no result before completion, and its result is reachable",
  rate_limit_semantics: "X-RateLimit-* are consistent, and a 429's Retry-After agrees with them",
  response_time: "every answer comes within the time budget, and the run within its deadline",
} as const;

export type CheckName = keyof typeof CHECKS;

export const CHECK_NAMES = Object.keys(CHECKS) as CheckName[];

export interface Finding {
  check: CheckName;
  /** The first operation it was seen on. */
  operation: string;
  /** Every operation it was seen on. */
  operations: string[];
  /** The rule the server broke, in a sentence. */
  rule: string;
  expected: string;
  /** What the server sent (status, the relevant part of the body), sanitised. */
  got: string;
  /** The request that provoked it. */
  curl: string;
  /** How many requests showed it (one root cause, seen that often). */
  occurrences: number;
}

export class Findings {
  readonly #byKey = new Map<string, Finding>();

  /** Adds a finding, or counts it again when its check and rule (whatever the status or operation) were seen. */
  add(finding: Omit<Finding, "occurrences" | "operations">): void {
    const rule = finding.rule.replaceAll(/\b[1-5]\d\d\b/g, "NNN").replaceAll(/\b[a-z]+[A-Z]\w*'s\b/g, "");
    const key = JSON.stringify([finding.check, rule]);
    const seen = this.#byKey.get(key);
    if (!seen) this.#byKey.set(key, { ...finding, operations: [finding.operation], occurrences: 1 });
    else {
      seen.occurrences++;
      if (!seen.operations.includes(finding.operation)) seen.operations.push(finding.operation);
    }
  }

  list(): Finding[] {
    return [...this.#byKey.values()];
  }
}
