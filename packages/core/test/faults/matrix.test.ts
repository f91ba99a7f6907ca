// The shared fault matrix (packages/testkit/fault-matrix/cases.json) over both transports: each case
// is a scripted server behaviour, played by testkit's fault server, and the outcome every client must
// reach (the Python client runs the same file: packages/python/tests/test_fault_matrix.py). On top of
// each case's own expectations, every call leaks no key, repeats no more than allowed, uses one
// idempotency key, and leaves no timer, socket or unhandled rejection behind.
import { inspect } from "node:util";
import { type FaultCase, type FaultServer, loadFaultMatrix, startFaultServer } from "@seedance/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SeedanceClient } from "../../src/index.js";
import { transports } from "../transports.js";

const matrix = loadFaultMatrix();
const canary = "sk-test-FAULT-CANARY-3b9d";
const CASE_KEYS = new Set(["id", "name", "operations", "client", "calls", "params", "answers", "expect"]);
const EXPECT_KEYS = new Set([
  "outcome",
  "requests",
  "elapsedMs",
  "error",
  "result",
  "otherOriginRequests",
  "holdsUntilReset",
]);
const ERROR_KEYS = new Set(["status", "code", "details", "limit", "location", "redacted"]);

const defaults: Record<string, Record<string, unknown>> = {
  generateImage: { prompt: "a fox", model: "seedream-4.5" },
  generateVideo: { prompt: "a fox", model: "seedance-2.0", duration: 5 },
  getTaskStatus: { task_id: "task-1" },
  getTaskResult: { task_id: "task-1" },
};
const camel = (name: string) => name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
const expand = (value: unknown) => {
  const repeat = (value as { $repeat?: [string, number] } | null)?.$repeat;
  return repeat ? repeat[0].repeat(repeat[1]) : value;
};
function params(fault: FaultCase, operation: string): Record<string, unknown> {
  const merged = { ...defaults[operation], ...fault.params?.[operation] };
  return Object.fromEntries(Object.entries(merged).map(([name, value]) => [camel(name), expand(value)]));
}
const calls: Record<string, (client: SeedanceClient, p: Record<string, unknown>) => Promise<unknown>> = {
  generateImage: (client, p) => client.seedream.generate(p as any),
  generateVideo: (client, p) => client.seedance.generate(p as any),
  getTaskStatus: (client, p) => client.task.getStatus(p.taskId as string),
  getTaskResult: (client, p) => client.task.getResult(p.taskId as string),
};

let server: FaultServer;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
const openHandles = () =>
  process.getActiveResourcesInfo().filter((kind) => kind === "Timeout" || kind === "TCPSocketWrap").length;
let handlesBefore = 0;
let runs = 0;

beforeAll(async () => {
  handlesBefore = openHandles();
  process.on("unhandledRejection", onUnhandled);
  server = await startFaultServer(matrix);
});

afterAll(async () => {
  await server.stop();
  process.off("unhandledRejection", onUnhandled);
  expect(unhandled.splice(0)).toEqual([]);
  // Sockets closed by the server finish closing on the next turns of the event loop.
  for (let i = 0; i < 100 && openHandles() > handlesBefore; i++) await new Promise((r) => setTimeout(r, 20));
  expect(openHandles()).toBeLessThanOrEqual(handlesBefore);
});

it("the matrix uses only what this runner checks", () => {
  expect(matrix.cases.length).toBeGreaterThanOrEqual(30);
  for (const fault of matrix.cases) {
    expect(
      Object.keys(fault).filter((key) => !CASE_KEYS.has(key)),
      fault.id,
    ).toEqual([]);
    expect(
      Object.keys(fault.expect).filter((key) => !EXPECT_KEYS.has(key)),
      fault.id,
    ).toEqual([]);
    const error = (fault.expect.error ?? {}) as Record<string, unknown>;
    expect(
      Object.keys(error).filter((key) => !ERROR_KEYS.has(key)),
      fault.id,
    ).toEqual([]);
  }
});

describe.each(transports)("over $name", ({ options: transportOptions }) => {
  describe.concurrent.each(matrix.cases)("$id: $name", (fault) => {
    const operations = fault.operations ?? matrix.defaults.operations;
    it.each(operations)(`%s ends with ${fault.expect.outcome}`, async (operation) => {
      const expected = fault.expect as Record<string, any>;
      const clientOptions = { ...matrix.defaults.client, ...fault.client };
      const runId = `ts-${operation}-${runs++}`;
      const client = new SeedanceClient({
        ...transportOptions,
        apiKey: canary,
        baseUrl: `${server.url}/c/${fault.id}/${runId}`,
        timeout: clientOptions.timeoutMs,
        maxRetries: clientOptions.maxRetries,
        ...(clientOptions.validate === false && { validate: false }),
        ...(clientOptions.maxResponseBytes !== undefined && { maxResponseBytes: clientOptions.maxResponseBytes }),
      } as ConstructorParameters<typeof SeedanceClient>[0]);
      let outcome = "success";
      let result: unknown;
      let error: any;
      let elapsed = 0;
      for (let call = 0; call < (fault.calls ?? 1); call++) {
        const started = Date.now();
        try {
          result = await calls[operation]?.(client, params(fault, operation));
          outcome = "success";
          error = undefined;
        } catch (caught) {
          error = caught;
          outcome = (caught as Error).name;
        }
        elapsed = Date.now() - started;
      }
      expect(outcome, `${fault.name}: ${error?.message}`).toBe(expected.outcome);

      const run = server.run(runId);
      const requests = run.requests;
      if (error) {
        const exposed = `${error.message} ${error.stack} ${JSON.stringify(error)} ${inspect(error, { depth: 5 })}`;
        expect(exposed).not.toContain(canary);
      }
      expect(requests.length).toBeLessThanOrEqual((clientOptions.maxRetries + 1) * (fault.calls ?? 1));
      if (operation.startsWith("generate") && (fault.calls ?? 1) === 1 && requests.length) {
        expect(new Set(requests.map((request) => request.headers["idempotency-key"])).size).toBe(1);
      }
      if (expected.requests?.exactly !== undefined) expect(requests).toHaveLength(expected.requests.exactly);
      if (expected.requests?.max !== undefined) expect(requests.length).toBeLessThanOrEqual(expected.requests.max);
      if (expected.elapsedMs?.min !== undefined) expect(elapsed).toBeGreaterThanOrEqual(expected.elapsedMs.min);
      if (expected.elapsedMs?.max !== undefined) expect(elapsed).toBeLessThanOrEqual(expected.elapsedMs.max);
      if (expected.otherOriginRequests !== undefined)
        expect(run.otherOrigin).toHaveLength(expected.otherOriginRequests);
      if (expected.holdsUntilReset) expect(requests[1]?.at).toBeGreaterThanOrEqual((run.announcedResetMs ?? 0) - 10);
      for (const [field, value] of Object.entries(expected.result ?? {})) {
        expect((result as Record<string, unknown>)[camel(field)]).toBe(value);
      }
      for (const [field, value] of Object.entries((expected.error ?? {}) as Record<string, any>)) {
        if (field === "details") expect(error.details).toMatchObject(value);
        else if (field === "location") {
          const origin = value === "other-origin" ? server.otherOriginUrl : server.url;
          expect(String(error.location)).toMatch(new RegExp(`^${origin}/c/${fault.id}/`));
        } else if (field === "redacted") expect(error.message).toContain("[redacted]");
        else expect(error[field]).toBe(value);
      }
    });
  });
});
