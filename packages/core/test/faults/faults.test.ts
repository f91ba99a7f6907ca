// Fault injection: every fault × every operation ends with the right typed error or the right
// eventual success, within its deadline, generating nothing twice, leaking no key, timer or socket.
import { inspect } from "node:util";
import { sendJson, startScriptedServer } from "@seedance/testkit";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SeedanceClient } from "../../src/index.js";
import { imageOk, imageParams, newClient, taskStatus, videoAccepted, videoParams } from "../behaviour/fixtures.js";
import { overEachTransport } from "../transports.js";
import { faults } from "./faults.js";

const canary = "sk-test-FAULT-CANARY-3b9d";
const TIMEOUT = 2000;
const MAX_RETRIES = 2;

const operations = [
  {
    name: "seedream.generate",
    method: "POST",
    ok: { status: 200, body: imageOk },
    call: (c: SeedanceClient) => c.seedream.generate(imageParams),
  },
  {
    name: "seedance.generate",
    method: "POST",
    ok: { status: 202, body: videoAccepted(45) },
    call: (c: SeedanceClient) => c.seedance.generate(videoParams),
  },
  {
    name: "task.getStatus",
    method: "GET",
    ok: { status: 200, body: taskStatus("processing", 45) },
    call: (c: SeedanceClient) => c.task.getStatus("task-1"),
  },
  {
    name: "task.getResult",
    method: "GET",
    ok: {
      status: 200,
      body: {
        status: "success",
        data: {
          task_id: "task-1",
          status: "completed",
          completed_at: "2024-01-15T10:35:00Z",
          result: { video_url: "https://x/v.mp4" },
        },
      },
    },
    call: (c: SeedanceClient) => c.task.getResult("task-1"),
  },
] as const;

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
const openHandles = () =>
  process.getActiveResourcesInfo().filter((kind) => kind === "Timeout" || kind === "TCPSocketWrap").length;
let handlesBefore = 0;

beforeEach(() => {
  process.on("unhandledRejection", onUnhandled);
  handlesBefore = openHandles();
});

afterEach(async () => {
  process.off("unhandledRejection", onUnhandled);
  expect(unhandled.splice(0)).toEqual([]);
  // Sockets closed by the server finish closing on the next turns of the event loop.
  for (let i = 0; i < 50 && openHandles() > handlesBefore; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(openHandles()).toBeLessThanOrEqual(handlesBefore);
});

overEachTransport(() => {
  describe.each(faults)("$name", (fault) => {
    it.each(operations)(`$name ends with ${fault.outcome}`, async (op) => {
      const seen = new Map<string, number>();
      const server = await startScriptedServer((request, res) => {
        const key = request.headers["idempotency-key"] as string | undefined;
        const attempt = seen.get(key ?? request.path) ?? 0;
        seen.set(key ?? request.path, attempt + 1);
        if (fault.hits === "always" || attempt === 0) fault.answer(res, op.ok);
        else sendJson(res, op.ok.status, op.ok.body);
      });
      try {
        const client = newClient({
          apiKey: canary,
          baseUrl: server.url,
          timeout: TIMEOUT,
          maxRetries: MAX_RETRIES,
        });
        const started = Date.now();
        const outcome = await op.call(client).then(
          () => "success",
          (error: Error) => {
            expect(`${error.message} ${JSON.stringify(error)} ${inspect(error, { depth: 4 })}`).not.toContain(canary);
            return error.name;
          },
        );
        expect(outcome).toBe(fault.outcome);
        expect(Date.now() - started).toBeLessThan(TIMEOUT + 300);
        expect(server.requests.length).toBeLessThanOrEqual(MAX_RETRIES + 1);
        if (op.method === "POST") {
          // However many attempts, one logical call is one idempotency key: the server generates once.
          const keys = new Set(server.requests.map((request) => request.headers["idempotency-key"]));
          expect(keys.size).toBe(1);
        }
      } finally {
        await server.stop();
      }
    });
  });
});
