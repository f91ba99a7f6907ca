// Retries that never bill twice: counts, waits, idempotency keys and deadlines, against a scripted server.
import { sendJson } from "@seedance/testkit";
import { describe, expect, it } from "vitest";
import {
  AbortError,
  APIConnectionError,
  APITimeoutError,
  BadRequestError,
  InternalServerError,
  type RateLimit,
  RateLimitError,
  type RateLimitStore,
  ServiceUnavailableError,
} from "../../src/index.js";
import { overEachTransport } from "../transports.js";
import { errorBody, imageOk, imageParams, scripted, taskStatus } from "./fixtures.js";

overEachTransport(() => {
  describe("retries", () => {
    it("honours Retry-After in seconds, then succeeds", async () => {
      const { server, client } = await scripted((_, res, i) =>
        i === 0 ? sendJson(res, 429, errorBody("RATE_LIMITED"), { "retry-after": "1" }) : sendJson(res, 200, imageOk),
      );
      const image = await client.seedream.generate(imageParams);
      expect(image.images[0]?.url).toContain("img-1");
      expect(server.requests).toHaveLength(2);
      const gap = (server.requests[1]?.at ?? 0) - (server.requests[0]?.at ?? 0);
      expect(gap).toBeGreaterThanOrEqual(950);
    });

    it("honours Retry-After as an HTTP date", async () => {
      const { server, client } = await scripted((_, res, i) =>
        i === 0
          ? sendJson(res, 503, errorBody("SERVICE_UNAVAILABLE"), {
              "retry-after": new Date(Date.now() + 2000).toUTCString(),
            })
          : sendJson(res, 200, imageOk),
      );
      await client.seedream.generate(imageParams);
      const gap = (server.requests[1]?.at ?? 0) - (server.requests[0]?.at ?? 0);
      expect(gap).toBeGreaterThanOrEqual(900);
    });

    it("reuses one idempotency key across the retries of a POST, and a new one per call", async () => {
      const { server, client } = await scripted((_, res, i) =>
        i % 3 < 2
          ? sendJson(res, 500, errorBody("INTERNAL_ERROR"), { "retry-after": "0" })
          : sendJson(res, 200, imageOk),
      );
      await client.seedream.generate(imageParams);
      await client.seedream.generate(imageParams);
      const keys = server.requests.map((request) => request.headers["idempotency-key"]);
      expect(keys).toHaveLength(6);
      expect(new Set(keys.slice(0, 3)).size).toBe(1);
      expect(new Set(keys.slice(3)).size).toBe(1);
      expect(keys[0]).not.toBe(keys[3]);
      expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    });

    it("sends a caller's idempotency key as given", async () => {
      const { server, client } = await scripted((_, res) => sendJson(res, 200, imageOk));
      await client.seedream.generate(imageParams, { idempotencyKey: "order-42" });
      expect(server.requests[0]?.headers["idempotency-key"]).toBe("order-42");
    });

    it("without an idempotency key, retries a POST only where the server did no work (429, 503)", async () => {
      const after500 = await scripted((_, res) =>
        sendJson(res, 500, errorBody("INTERNAL_ERROR"), { "retry-after": "0" }),
      );
      await expect(after500.client.seedream.generate(imageParams, { idempotencyKey: false })).rejects.toBeInstanceOf(
        InternalServerError,
      );
      expect(after500.server.requests).toHaveLength(1);
      expect(after500.server.requests[0]?.headers["idempotency-key"]).toBeUndefined();

      const after503 = await scripted((_, res, i) =>
        i === 0
          ? sendJson(res, 503, errorBody("SERVICE_UNAVAILABLE"), { "retry-after": "0" })
          : sendJson(res, 200, imageOk),
      );
      await after503.client.seedream.generate(imageParams, { idempotencyKey: false });
      expect(after503.server.requests).toHaveLength(2);
    });

    it.each([
      [400, "INVALID_REQUEST"],
      [401, "INVALID_API_KEY"],
      [403, "FORBIDDEN"],
      [404, "NOT_FOUND"],
      [409, "TASK_NOT_COMPLETED"],
    ])("never retries %i", async (status, code) => {
      const { server, client } = await scripted((_, res) => sendJson(res, status, errorBody(code)));
      await expect(client.task.getStatus("task-1")).rejects.toMatchObject({ status, code });
      expect(server.requests).toHaveLength(1);
    });

    it("retries a GET on 408, 500, 502, 503 and 504, up to maxRetries", async () => {
      const statuses = [408, 500, 502, 503, 504];
      const { server, client } = await scripted(
        (_, res, i) =>
          sendJson(
            res,
            statuses[i] ?? 200,
            i < statuses.length ? errorBody("INTERNAL_ERROR") : taskStatus("queued", 0),
            {
              "retry-after": "0",
            },
          ),
        { maxRetries: 5 },
      );
      await expect(client.task.getStatus("task-1")).resolves.toMatchObject({ status: "queued" });
      expect(server.requests).toHaveLength(6);
    });

    it("stops after maxRetries with the last error", async () => {
      const { server, client } = await scripted(
        (_, res) => sendJson(res, 503, errorBody("SERVICE_UNAVAILABLE"), { "retry-after": "0" }),
        { maxRetries: 3 },
      );
      await expect(client.task.getStatus("task-1")).rejects.toBeInstanceOf(ServiceUnavailableError);
      expect(server.requests).toHaveLength(4);
    });

    it("retries a GET after a connection reset", async () => {
      const { server, client } = await scripted((_, res, i) => {
        if (i === 0) res.socket?.destroy();
        else sendJson(res, 200, taskStatus("queued", 0));
      });
      await expect(client.task.getStatus("task-1")).resolves.toMatchObject({ status: "queued" });
      expect(server.requests).toHaveLength(2);
    });

    it("does not retry a keyless POST after a connection reset: it may have reached the server", async () => {
      const { server, client } = await scripted((_, res) => {
        res.socket?.destroy();
      });
      const error = await client.seedream.generate(imageParams, { idempotencyKey: false }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(APIConnectionError);
      expect(server.requests).toHaveLength(1);
    });
  });

  describe("deadlines", () => {
    it("fails fast when the server's wait outlasts the timeout, instead of sleeping past it", async () => {
      const { server, client } = await scripted(
        (_, res) => sendJson(res, 429, errorBody("RATE_LIMITED"), { "retry-after": "30" }),
        { timeout: 2000 },
      );
      const started = Date.now();
      const error = await client.seedream.generate(imageParams).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RateLimitError);
      expect((error as RateLimitError).retryAfter).toBe(30_000);
      expect(Date.now() - started).toBeLessThan(500);
      expect(server.requests).toHaveLength(1);
    });

    it("times out a stalled server within the call's timeout, retries included", async () => {
      const { client } = await scripted(() => {}, { timeout: 300 });
      const started = Date.now();
      const error = await client.task.getStatus("task-1").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(APITimeoutError);
      expect((error as Error).message).toContain("300 ms");
      expect(Date.now() - started).toBeLessThan(800);
    });

    it("a per-call timeout overrides the client's", async () => {
      const { client } = await scripted(() => {}, { timeout: 60_000 });
      await expect(client.task.getStatus("task-1", { timeout: 100 })).rejects.toBeInstanceOf(APITimeoutError);
    });

    it("aborts during a retry sleep", async () => {
      const { server, client } = await scripted((_, res) =>
        sendJson(res, 503, errorBody("SERVICE_UNAVAILABLE"), { "retry-after": "5" }),
      );
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const started = Date.now();
      const error = await client.task.getStatus("task-1", { signal: controller.signal }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AbortError);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(server.requests).toHaveLength(1);
    });

    it("aborts an in-flight request", async () => {
      const { client } = await scripted(() => {});
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      await expect(client.task.getStatus("task-1", { signal: controller.signal })).rejects.toBeInstanceOf(AbortError);
    });
  });

  describe("rate limits", () => {
    const exhausted = (resetInMs: number) => ({
      "x-ratelimit-limit": "10",
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset": String(Math.ceil((Date.now() + resetInMs) / 1000)),
    });

    it("holds the next request until the quota resets instead of spending it on a 429", async () => {
      const { server, client } = await scripted((_, res, i) =>
        sendJson(res, 200, taskStatus("queued", 0), i === 0 ? exhausted(1000) : {}),
      );
      await client.task.getStatus("task-1");
      expect(client.rateLimit).toMatchObject({ limit: 10, remaining: 0 });
      await client.task.getStatus("task-1");
      const reset = (client.rateLimit?.resetAt.getTime() ?? 0) - Date.now();
      expect(server.requests).toHaveLength(2);
      expect((server.requests[1]?.at ?? 0) - (server.requests[0]?.at ?? 0)).toBeGreaterThanOrEqual(500);
      expect(reset).toBeGreaterThan(0);
    });

    it("fails at once, sending nothing, when the reset is past the call's timeout", async () => {
      const { server, client } = await scripted((_, res) =>
        sendJson(res, 200, taskStatus("queued", 0), exhausted(60_000)),
      );
      await client.task.getStatus("task-1");
      const error = await client.task.getStatus("task-1", { timeout: 1000 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RateLimitError);
      expect(server.requests).toHaveLength(1);
    });

    it("keeps the quota in the store it is given, and holds on what the store says", async () => {
      // A store shared with another client that has already used the quota up.
      const shared: RateLimit[] = [{ limit: 10, remaining: 0, resetAt: new Date(Date.now() + 60_000) }];
      const rateLimitStore: RateLimitStore = { get: () => shared.at(-1), set: (quota) => void shared.push(quota) };
      const reported = { "x-ratelimit-limit": "10", "x-ratelimit-remaining": "4", "x-ratelimit-reset": "4000000000" };
      const { server, client } = await scripted((_, res) => sendJson(res, 200, taskStatus("queued", 0), reported), {
        rateLimitStore,
      });
      const held = await client.task.getStatus("task-1", { timeout: 1000 }).catch((e: unknown) => e);
      expect(held).toBeInstanceOf(RateLimitError);
      expect(server.requests).toHaveLength(0);
      shared.push({ limit: 10, remaining: 5, resetAt: new Date(Date.now() + 60_000) });
      await client.task.getStatus("task-1");
      expect(server.requests).toHaveLength(1);
      expect(shared).toHaveLength(3);
      expect(client.rateLimit).toEqual({ limit: 10, remaining: 4, resetAt: new Date(4_000_000_000_000) });
    });

    it("can be told not to hold", async () => {
      const { server, client } = await scripted(
        (_, res) => sendJson(res, 200, taskStatus("queued", 0), exhausted(60_000)),
        {
          holdOnRateLimit: false,
        },
      );
      await client.task.getStatus("task-1");
      await client.task.getStatus("task-1");
      expect(server.requests).toHaveLength(2);
    });
  });

  describe("malformed answers", () => {
    it("an HTML error page still yields the right class, with the raw text", async () => {
      const { client } = await scripted(
        (_, res) => {
          res.writeHead(502, { "content-type": "text/html" });
          res.end("<html><body>Bad gateway</body></html>");
        },
        { maxRetries: 0 },
      );
      const error = await client.task.getStatus("task-1").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InternalServerError);
      expect((error as Error).message).toContain("Bad gateway");
    });

    it("an error without a body still yields the right class", async () => {
      const { client } = await scripted((_, res) => {
        res.writeHead(400);
        res.end();
      });
      const error = await client.task.getStatus("task-1").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BadRequestError);
      expect((error as Error).message).toContain("(empty)");
    });

    it.each([
      ["not JSON", "<html>ok</html>"],
      ["truncated JSON", '{"status":"success","data":{"task_id":"task-1","ima'],
      [
        "a wrong type in a required field",
        JSON.stringify({ status: "success", data: { ...imageOk.data, images: "none" } }),
      ],
      [
        "a missing required field",
        JSON.stringify({ status: "success", data: { task_id: "task-1", model: "seedream-4.5" } }),
      ],
    ])("a success with %s is a clear UnexpectedResponseError", async (_, body) => {
      const { client } = await scripted((_, res) => sendJson(res, 200, body));
      const error = await client.seedream.generate(imageParams).catch((e: unknown) => e);
      expect((error as Error).name).toBe("UnexpectedResponseError");
      expect((error as Error).message.length).toBeGreaterThan(20);
    });

    it("accepts unknown enum values and extra fields from a newer server", async () => {
      const newer = taskStatus("paused", 12, {
        priority: "high",
        result: { video_url: "https://x/v.webm", resolution: "8k" },
      });
      const { client } = await scripted((_, res) => sendJson(res, 200, newer));
      const status = await client.task.getStatus("task-1");
      expect(status.status).toBe("paused");
      expect(status.result?.videoUrl).toBe("https://x/v.webm");
      expect(status).toHaveProperty("priority", "high");
    });
  });
});
