// Contract: every generated operation, called through the generated client, against a real Prism
// mock of the same spec. A request or response that breaks the spec fails here.
import { assertNoViolations, violationsOf } from "@seedance/testkit";
import { describe, expect, inject, it } from "vitest";
import { createClient } from "../../src/generated/client/index.js";
import * as api from "../../src/generated/index.js";
import { errorCodes, operations } from "./spec-operations.js";

const baseUrl = inject("prismUrl");
const authed = createClient({ baseUrl, auth: () => "sk-test-contract" });
const anonymous = createClient({ baseUrl });

/** Which error codes each status may carry (the product page's error table). */
const codesByStatus: Record<number, string[]> = {
  400: ["INVALID_REQUEST", "INVALID_PROMPT"],
  401: ["UNAUTHORIZED", "INVALID_API_KEY"],
  403: ["FORBIDDEN"],
  404: ["NOT_FOUND"],
  409: ["TASK_NOT_COMPLETED"],
  429: ["RATE_LIMITED"],
  500: ["INTERNAL_ERROR"],
  503: ["SERVICE_UNAVAILABLE"],
};

type Operation = (options: Record<string, unknown>) => Promise<{ data?: any; error?: any; response: Response }>;

function operation(operationId: string): Operation {
  const fn = (api as unknown as Record<string, Operation>)[operationId];
  if (!fn) throw new Error(`no generated operation for ${operationId}: run pnpm generate`);
  return fn;
}

describe.each(operations)("$method $path ($operationId)", (op) => {
  const call = (client = authed, headers: Record<string, string> = {}) =>
    operation(op.operationId)({ client, ...op.sample, headers });

  it(`answers ${op.successStatus} with the success envelope and no violations`, async () => {
    const { data, response } = await call();
    assertNoViolations(response);
    expect(response.status).toBe(op.successStatus);
    expect(data.status).toMatch(/^(success|accepted)$/);
    expect(data.data).toBeTypeOf("object");
    for (const header of ["x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset", "x-request-id"]) {
      expect(response.headers.get(header), header).not.toBeNull();
    }
  });

  it.each(op.statuses.filter((s) => s >= 400))("documents %i with the error envelope", async (status) => {
    const { error, response } = await call(authed, { Prefer: `code=${status}` });
    assertNoViolations(response);
    expect(response.status).toBe(status);
    expect(error.status).toBe("error");
    expect(errorCodes).toContain(error.error.code);
    expect(codesByStatus[status]).toContain(error.error.code);
    expect(error.error.message).toBeTypeOf("string");
    if (status === 429 || status === 503) {
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(Number(response.headers.get("x-ratelimit-retryafter"))).toBeGreaterThan(0);
    }
  });

  it("rejects a request without an API key with 401", async () => {
    const { error, response } = await call(anonymous);
    expect(response.status).toBe(401);
    expect(codesByStatus[401]).toContain(error.error.code);
    expect(JSON.stringify(violationsOf(response))).toMatch(/security/i);
  });

  it("accepts the key as X-API-Key as well as a bearer token", async () => {
    const { response } = await call(anonymous, { "X-API-Key": "sk-test-contract" });
    assertNoViolations(response);
    expect(response.status).toBe(op.successStatus);
  });
});

describe.each(operations.filter((op) => op.sample.body))("invalid bodies for $operationId", (op) => {
  const invalid = {
    "a 301-character prompt": { ...op.sample.body, prompt: "x".repeat(301) },
    "an unknown model": { ...op.sample.body, model: "no-such-model" },
    "an unknown field": { ...op.sample.body, surprise: true },
  };

  it.each(Object.entries(invalid))("the generated validator rejects %s before sending", async (_, body) => {
    let sent = 0;
    const counting = createClient({
      baseUrl,
      auth: () => "sk-test-contract",
      fetch: (input) => {
        sent++;
        return fetch(input);
      },
    });
    const { error } = await operation(op.operationId)({ client: counting, body });
    expect(error.issues.length).toBeGreaterThan(0);
    expect(sent).toBe(0);
  });

  it.each(Object.entries(invalid))("Prism rejects %s with 400", async (_, body) => {
    const response = await fetch(`${baseUrl}${op.path}`, {
      method: op.method,
      headers: { authorization: "Bearer sk-test-contract", "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(400);
    expect(violationsOf(response).length).toBeGreaterThan(0);
    const envelope = (await response.json()) as { status: string };
    expect(envelope.status).toBe("error");
  });
});
