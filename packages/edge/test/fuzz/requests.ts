// Random requests as an attacker's browser might send them (paths, methods, headers, bodies), and the
// oracle for what may reach the upstream behind the proxy: shared by @seedance/edge's fuzz test and
// @seedance/node's, which sends them over real HTTP.
import { OPERATIONS, type OperationId, validateOperationRequest } from "@seedance/core";
import type { RecordedRequest, ScriptedServer } from "@seedance/testkit";
import fc from "fast-check";
import { expect } from "vitest";
import { API_OPERATIONS, type ProxyPolicy } from "../../src/index.js";

export const KEY = "sk-server-fuzz-0123456789";
// Every browser-supplied credential carries this, so it can be looked for upstream.
export const BROWSER_SECRET = "browser-secret";
export const WEBHOOK = "https://app.example/webhooks/seedance";
export const MAX_DURATION = 10;

// --- what may reach the upstream ------------------------------------------------------------------

const templates = (Object.keys(OPERATIONS) as OperationId[]).map((id, i) => {
  const { method, path } = API_OPERATIONS[i] as (typeof API_OPERATIONS)[number];
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((found) => found[1] as string);
  const regex = new RegExp(`^${path.replace(/\{\w+\}/g, "([^/?#]+)")}$`);
  return { id, method, names, regex };
});

/** Why a request that reached the upstream should not have, or undefined when it is one the spec accepts. */
async function outsideSpec(request: RecordedRequest, fixedWebhook: boolean): Promise<string | undefined> {
  const template = templates.find((t) => t.method === request.method && t.regex.test(request.path));
  if (!template) return `not an operation: ${request.method} ${request.path}`;
  const found = template.regex.exec(request.path) as RegExpExecArray;
  const path = Object.fromEntries(template.names.map((name, i) => [name, decodeURIComponent(found[i + 1] as string)]));
  const body = request.method === "POST" ? (JSON.parse(request.body) as Record<string, unknown>) : undefined;
  try {
    await validateOperationRequest(template.id, { body, path: template.names.length ? path : undefined });
  } catch (error) {
    return `the spec rejects it: ${(error as Error).message}`;
  }
  if (request.headers.authorization !== `Bearer ${KEY}`) return "not the server's key";
  if (JSON.stringify(request.headers).includes(BROWSER_SECRET)) return "a browser credential was forwarded";
  if (request.headers.cookie !== undefined || request.headers["x-api-key"] !== undefined) return "a credential header";
  if (body && body.webhook_url !== (fixedWebhook ? WEBHOOK : undefined)) return `webhook_url ${body.webhook_url}`;
  if (body && typeof body.duration === "number" && body.duration > MAX_DURATION) return "over maxDuration";
  return undefined;
}

// --- what a browser may send ----------------------------------------------------------------------

const junk: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.constantFrom(0, 5, 10, 11, 30, 31, -1, 1e308, 24, 60, 4),
    fc.string({ unit: "grapheme", maxLength: 40 }),
    fc.constantFrom("5", "30", "720p", "4k", "1080p", "seedance-1.5-pro", "seedream-4.5", "https://attacker.example/x"),
    fc.constantFrom("http://169.254.169.254/latest", `${BROWSER_SECRET}`, "__proto__", "constructor"),
    fc.string({ minLength: 290, maxLength: 310 }),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie("value"), { maxKeys: 4 }),
  ),
})).value;

const field = fc.constantFrom(
  "prompt",
  "model",
  "duration",
  "resolution",
  "fps",
  "image_input",
  "webhook_url",
  "num_images",
  "quality",
  "seed",
  "style",
  "__proto__",
  "extra",
);

// Bodies near valid ones (so many are forwarded), with fields replaced, added or removed.
const nearValid = fc
  .record({
    base: fc.constantFrom<Record<string, unknown>>(
      { prompt: "Waves", model: "seedance-1.5-pro", duration: 5 },
      { prompt: "A red barn", model: "seedream-4.5" },
    ),
    changes: fc.array(fc.tuple(field, fc.option(junk, { nil: undefined })), { maxLength: 3 }),
  })
  .map(({ base, changes }) => {
    const body: Record<string, unknown> = { ...base };
    for (const [name, value] of changes) Object.defineProperty(body, name, { value, enumerable: true, writable: true });
    return JSON.stringify(body);
  });

const bodyArbitrary = fc.oneof(
  { weight: 4, arbitrary: nearValid },
  nearValid.map((text) => `${text.slice(0, -1)},"duration":5}`),
  junk.map((value) => JSON.stringify(value) ?? ""),
  fc.uint8Array({ maxLength: 64 }),
  fc.constantFrom(new Uint8Array([0x7b, 0x22, 0x70, 0xc3, 0x28, 0x22, 0x7d]), new Uint8Array([0xff, 0xfe, 0xfd])),
  fc.integer({ min: 60_000, max: 70_000 }).map((n) => JSON.stringify({ prompt: "x".repeat(n), model: "seedream-4.5" })),
  fc.string({ maxLength: 200 }),
);

const segment = fc.oneof(
  fc.constantFrom("..", "%2e%2e", "%2F", "..%2F..%2Fadmin", "task-1", "task_2", "a%2Fb", "%00", "%ZZ", "v1", "tasks"),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
  fc.stringMatching(/^[A-Za-z0-9_-]{1,130}$/),
);

const pathArbitrary = fc.oneof(
  fc
    .record({
      prefix: fc.constantFrom("", "/api/seedance", "/api/seedance/.."),
      template: fc.constantFrom(...API_OPERATIONS.map((operation) => operation.path)),
      id: segment,
    })
    .map(({ prefix, template, id }) => `${prefix}${template.replace(/\{\w+\}/, id)}`),
  fc.array(segment, { maxLength: 5 }).map((segments) => `/${segments.join("/")}`),
);

const headerArbitrary = fc
  .record(
    {
      authorization: fc.constant(`Bearer ${BROWSER_SECRET}-a`),
      "x-api-key": fc.constant(`${BROWSER_SECRET}-k`),
      cookie: fc.constant(`session=${BROWSER_SECRET}-c`),
      "proxy-authorization": fc.constant(`Basic ${BROWSER_SECRET}-p`),
      "x-forwarded-host": fc.constant(`${BROWSER_SECRET}.example`),
      "idempotency-key": fc
        .string({ unit: "binary-ascii", maxLength: 300 })
        .map((key) => key.replace(/[^\x20-\x7e]/g, "")),
      "content-type": fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded"),
    },
    { requiredKeys: [] },
  )
  .map((headers) => ({ ...headers, [`x-${BROWSER_SECRET}`]: BROWSER_SECRET }));

const anyRequest = fc.record({
  method: fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"),
  path: pathArbitrary,
});
// An operation's own method on its own path (with a random parameter), so bodies get past the route.
const operationRequest = fc
  .record({
    prefix: fc.constantFrom("", "/api/seedance"),
    operation: fc.constantFrom(...API_OPERATIONS),
    id: fc.oneof(fc.constant("task-1"), segment),
  })
  .map(({ prefix, operation, id }) => ({
    method: operation.method as string,
    path: `${prefix}${operation.path.replace(/\{\w+\}/, id)}`,
  }));

const requestArbitrary = fc.record({
  route: fc.oneof({ weight: 1, arbitrary: anyRequest }, { weight: 4, arbitrary: operationRequest }),
  query: fc.constantFrom("", "?debug=1", `?key=${BROWSER_SECRET}`),
  headers: headerArbitrary,
  body: bodyArbitrary,
});

/** The policy under fuzz: the default, or with a fixed webhook URL and a quota for two users. */
export function fuzzPolicy(fixedWebhook: boolean): ProxyPolicy {
  return {
    maxDuration: MAX_DURATION,
    ...(fixedWebhook && {
      webhookUrl: WEBHOOK,
      authorize: (request: Request) => ({ user: request.headers.has("cookie") ? "u_1" : "u_2" }),
      quota: { requests: 1, windowSeconds: 3600 },
    }),
  };
}

export interface FuzzRun {
  /** The recording upstream behind the proxy. */
  upstream: ScriptedServer;
  /** Whether the proxy was made with `fuzzPolicy(true)`. */
  fixedWebhook: boolean;
  runs: number;
  /** Sends one request through the proxy (directly, or over HTTP). */
  send: (request: Request) => Promise<Response>;
  /** Statuses the run must have produced, to show the generators reach those refusals. */
  expectStatuses: number[];
}

/**
 * Sends `runs` random requests and checks each: what reached the upstream is inside the spec and the
 * policy, and the response does not carry the key. Returns how many were forwarded, and the statuses.
 */
export async function fuzzProxy({ upstream, fixedWebhook, runs, send, expectStatuses }: FuzzRun) {
  const statuses = new Map<number, number>();
  let forwarded = 0;
  await fc.assert(
    fc.asyncProperty(requestArbitrary, async ({ route: { method, path }, query, headers, body }) => {
      upstream.requests.length = 0;
      const carriesBody = method !== "GET" && method !== "HEAD";
      const response = await send(
        new Request(`http://app.test${path}${query}`, { method, headers, body: carriesBody ? body : undefined }),
      );
      const text = await response.text();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      expect(text).not.toContain(KEY);
      expect(JSON.stringify([...response.headers])).not.toContain(KEY);
      for (const request of upstream.requests) expect(await outsideSpec(request, fixedWebhook)).toBeUndefined();
      forwarded += upstream.requests.length;
    }),
    { numRuns: runs },
  );
  const counts = { runs, forwarded, statuses: Object.fromEntries([...statuses].sort()) };
  console.info(`fuzz (${fixedWebhook ? "webhookUrl + quota" : "default policy"}):`, counts);
  // The generators reach both sides of the proxy: requests it forwards and requests it refuses.
  expect(forwarded).toBeGreaterThan(runs / 20);
  expect([...statuses.keys()]).toEqual(expect.arrayContaining(expectStatuses));
}
