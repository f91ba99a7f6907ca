// What every scenario shares: the spec, the transport to the server, the findings, the selected
// checks, the seeded randomness, and the calls (a request built from the operation and a key scheme).
import { sanitizeServerText } from "@seedance/core";
import type { CheckName, Finding, Findings } from "./checks.ts";
import { curlLine, type Exchange, type Request, send, type Transport } from "./http.ts";
import type { ContractSpec, SpecOperation } from "./spec.ts";

export interface Context {
  spec: ContractSpec;
  transport: Transport;
  findings: Findings;
  selected: Set<CheckName>;
  /** The server is a Seedance sandbox (free-tier keys, prompt triggers). */
  sandbox: boolean;
  random: () => number;
  /** Operations that let a request run out of its time budget: not called again (their follow-ons would only time out too). */
  hung: Set<string>;
  /** Each (operation, status) pair the server answered with. */
  provoked: Set<string>;
  /** Requests made on behalf of each check. */
  exercised: Map<CheckName, number>;
}

/** A deterministic generator (mulberry32) for `--seed`. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `length` characters of [a-z0-9] from the seeded generator. */
export const token = (context: Context, length = 16) =>
  Array.from({ length }, () => "abcdefghijklmnopqrstuvwxyz0123456789"[Math.floor(context.random() * 36)]).join("");

export type Auth =
  /** The valid key with the first documented scheme. */
  "valid" | "none" | { scheme: string; key?: string };

export interface CallOptions {
  auth?: Auth;
  body?: unknown;
  /** The path parameter's value. */
  id?: string;
  headers?: Record<string, string>;
}

export function buildRequest(context: Context, operation: SpecOperation, options: CallOptions = {}): Request {
  const headers: Record<string, string> = {};
  const auth = options.auth ?? "valid";
  if (auth !== "none") {
    const [first] = context.spec.authSchemes;
    const scheme =
      auth === "valid" ? first : context.spec.authSchemes.find((candidate) => candidate.name === auth.scheme);
    if (!scheme) throw new Error("the spec documents no usable auth scheme");
    const key = auth === "valid" ? context.transport.apiKey : (auth.key ?? context.transport.apiKey);
    headers[scheme.header] = scheme.format(key);
  }
  Object.assign(headers, options.headers);
  const name = operation.pathParameter?.name;
  const path = name ? operation.path.replace(`{${name}}`, encodeURIComponent(options.id ?? "")) : operation.path;
  return { method: operation.method, path, headers, body: options.body };
}

/** Sends the call on behalf of `check`; `undefined` when its operation already hung (or the check is off). */
export async function call(
  context: Context,
  check: CheckName,
  operation: SpecOperation,
  options: CallOptions = {},
): Promise<Exchange | undefined> {
  if (context.hung.has(operation.id)) return undefined;
  context.exercised.set(check, (context.exercised.get(check) ?? 0) + 1);
  const exchange = await send(context.transport, buildRequest(context, operation, options));
  if (exchange.outcome.kind === "answer") context.provoked.add(`${operation.id} ${exchange.outcome.status}`);
  return exchange;
}

/** Records a finding of a selected check. */
export function report(
  context: Context,
  finding: Omit<Finding, "occurrences" | "operations" | "curl"> & { request: Request },
): void {
  if (!context.selected.has(finding.check)) return;
  const { request, rule, expected, got, ...rest } = finding;
  // Rules and values may quote the server (a code, a state, an id): sanitised like any server text.
  const clean = (text: string) => sanitizeServerText(text, context.transport.apiKey);
  context.findings.add({
    ...rest,
    rule: clean(rule),
    expected: clean(expected),
    got: clean(got),
    curl: curlLine(context.transport, request),
  });
}
