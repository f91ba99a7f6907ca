// The verdict on one exchange: did an answer come in time, with the status the scenario expected, a
// documented status, its media type, its required headers and a body that matches its schema, an
// error code that the table gives for its status, and consistent rate-limit headers? The first rule
// broken is the exchange's one finding (its root cause): the rest would only be follow-ons.
import { sanitizeServerText } from "@seedance/core";
import type { CheckName } from "./checks.ts";
import { type Context, report } from "./context.ts";
import type { Exchange } from "./http.ts";
import type { SpecOperation } from "./spec.ts";

/** An answer that met its expectation and the spec. */
export interface Answer {
  status: number;
  headers: Headers;
  json: unknown;
}

export interface Expectation {
  /** The check that sent the request (and owns a wrong status or a dropped connection). */
  check: CheckName;
  /** The acceptable statuses; `2xx` for any success. */
  statuses: number[] | "2xx";
  /** The request in words, e.g. `a valid request (duration = 30 (maximum))`. */
  what: string;
}

const SNIPPET = 240;

/** The request in words without its case (`an invalid duration`): the rule, while the case stays in `expected`. */
const general = (expectation: Expectation) => expectation.what.replace(/ \(.*\)$/, "");

/** What the server sent, for a report: status, media type and the start of the body. */
export function sent(context: Context, exchange: Exchange): string {
  const outcome = exchange.outcome;
  if (outcome.kind === "timeout") return `no answer within ${outcome.elapsedMs} ms`;
  if (outcome.kind === "dropped") return `the connection failed after ${outcome.elapsedMs} ms (${outcome.error})`;
  if (outcome.kind === "deadline") return "nothing before the run's deadline";
  const type = outcome.headers.get("content-type");
  const body = outcome.text.length > SNIPPET ? `${outcome.text.slice(0, SNIPPET)}…` : outcome.text;
  const text = `${outcome.status}${type ? ` (${type})` : ""} ${body ? body.replace(/\s+/g, " ") : "with an empty body"}`;
  return sanitizeServerText(text, context.transport.apiKey);
}

const expectedText = (statuses: Expectation["statuses"]) =>
  statuses === "2xx" ? "a 2xx answer" : statuses.map(String).join(" or ");

const matches = (statuses: Expectation["statuses"], status: number) =>
  statuses === "2xx" ? status >= 200 && status < 300 : statuses.includes(status);

const integerHeader = (headers: Headers, name: string): number | undefined => {
  const value = headers.get(name);
  return value !== null && /^\d+$/.test(value.trim()) ? Number(value) : undefined;
};

/** Seconds of a `Retry-After` value: delay-seconds or an HTTP date (RFC 9110). */
export function retryAfterSeconds(value: string, now = Date.now()): number | undefined {
  if (/^\d+$/.test(value.trim())) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - now) / 1000));
}

/** The first way the rate-limit headers contradict each other, if any. */
function rateLimitProblem(status: number, headers: Headers): { rule: string; expected: string } | undefined {
  const limit = integerHeader(headers, "x-ratelimit-limit");
  const remaining = integerHeader(headers, "x-ratelimit-remaining");
  if (limit !== undefined && remaining !== undefined && remaining > limit)
    return { rule: "X-RateLimit-Remaining exceeds X-RateLimit-Limit", expected: `remaining ≤ limit (${limit})` };
  if (status !== 429) return undefined;
  if (remaining !== undefined && remaining !== 0)
    return {
      rule: "a 429 says requests remain (X-RateLimit-Remaining is not 0)",
      expected: "X-RateLimit-Remaining: 0",
    };
  const retryAfter = retryAfterSeconds(headers.get("retry-after") ?? "");
  const retryAfterHeader = integerHeader(headers, "x-ratelimit-retryafter");
  if (retryAfter !== undefined && retryAfterHeader !== undefined && Math.abs(retryAfter - retryAfterHeader) > 1)
    return {
      rule: "a 429's Retry-After and X-RateLimit-RetryAfter disagree",
      expected: `the same wait in both (Retry-After ${retryAfter} s, X-RateLimit-RetryAfter ${retryAfterHeader} s)`,
    };
  const reset = integerHeader(headers, "x-ratelimit-reset");
  const untilReset = reset === undefined ? undefined : reset - Date.now() / 1000;
  if (retryAfter !== undefined && untilReset !== undefined && retryAfter > untilReset + 2)
    return {
      rule: "a 429's Retry-After points past X-RateLimit-Reset",
      expected: `a wait of at most ${Math.ceil(untilReset)} s (until X-RateLimit-Reset)`,
    };
  return undefined;
}

/**
 * Judges `exchange` against `expectation` and the spec, recording its one finding; returns the answer
 * when it passed everything (callers build on it), `undefined` otherwise.
 */
export function judge(
  context: Context,
  operation: SpecOperation,
  exchange: Exchange | undefined,
  expectation: Expectation,
): Answer | undefined {
  if (!exchange) return undefined;
  const { outcome, request } = exchange;
  const base = { operation: operation.id, request, got: sent(context, exchange) };
  if (outcome.kind === "deadline") return undefined;
  if (outcome.kind === "timeout") {
    context.hung.add(operation.id);
    report(context, {
      ...base,
      check: "response_time",
      rule: `no answer within the time budget (${context.transport.requestTimeoutMs} ms)`,
      expected: `an answer within ${context.transport.requestTimeoutMs} ms (--request-timeout)`,
    });
    return undefined;
  }
  if (outcome.kind === "dropped") {
    report(context, {
      ...base,
      check: expectation.check,
      rule: `the connection failed without an answer to ${general(expectation)}`,
      expected: `${expectedText(expectation.statuses)} to ${expectation.what}`,
    });
    return undefined;
  }
  const { status, headers, json } = outcome;
  const documented = operation.responses.get(String(status));
  if (!documented) {
    report(context, {
      ...base,
      check: "status_code_conformance",
      rule: `status ${status} is not documented for ${operation.id}`,
      expected: `${expectedText(expectation.statuses)} (documented: ${[...operation.responses.keys()].join(", ")})`,
    });
    return undefined;
  }
  if (!matches(expectation.statuses, status)) {
    report(context, {
      ...base,
      check: expectation.check,
      rule: `${general(expectation)} was answered ${status}`,
      expected: `${expectedText(expectation.statuses)} to ${expectation.what}`,
    });
    return undefined;
  }
  const where = `${operation.id}'s ${status}`;
  if (documented.mediaType) {
    const type = headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
    if (type !== documented.mediaType) {
      report(context, {
        ...base,
        check: "content_type_conformance",
        rule: `${where} came ${type ? `as ${type}` : "without a media type"}`,
        expected: `Content-Type: ${documented.mediaType}`,
      });
      return undefined;
    }
  }
  for (const header of documented.headers) {
    const raw = headers.get(header.name);
    const value = header.integer && raw !== null && /^-?\d+$/.test(raw.trim()) ? Number(raw) : raw;
    if (raw === null || !header.validate(value)) {
      report(context, {
        ...base,
        check: "response_headers_conformance",
        rule: `${where} ${raw === null ? "lacks" : "has an invalid"} ${header.name}`,
        expected: `${header.name} as the spec describes it`,
      });
      return undefined;
    }
  }
  if (documented.validate && !documented.validate(json)) {
    const errors = (documented.validate.errors ?? [])
      .slice(0, 3)
      .map((error) => `${error.instancePath || "body"} ${error.message}`);
    report(context, {
      ...base,
      check: "response_schema_conformance",
      rule: `${where} breaks its schema: ${errors.join("; ") || (json === undefined ? "no JSON body" : "invalid")}`,
      expected: "a body matching the documented schema",
    });
    return undefined;
  }
  if (status >= 400) {
    const code = (json as { error?: { code?: unknown } } | undefined)?.error?.code;
    const tableStatus = typeof code === "string" ? context.spec.errorStatus.get(code) : undefined;
    if (tableStatus !== undefined && tableStatus !== status) {
      report(context, {
        ...base,
        check: "error_code_for_status",
        rule: `a ${status} carries ${String(code)}, which the error table gives to ${tableStatus}`,
        expected: `a code for ${status}: ${
          [...context.spec.errorStatus]
            .filter(([, s]) => s === status)
            .map(([c]) => c)
            .join(" or ") || "none listed"
        }`,
      });
      return undefined;
    }
  }
  const problem = rateLimitProblem(status, headers);
  if (problem) {
    report(context, { ...base, check: "rate_limit_semantics", ...problem });
    return undefined;
  }
  return { status, headers, json };
}
