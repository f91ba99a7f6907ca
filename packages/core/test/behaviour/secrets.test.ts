// The API key never leaves the SDK: not in errors, logs, or the serialized client; and it is sent once.
import { inspect } from "node:util";
import { sendJson } from "@seedance/testkit";
import { describe, expect, it } from "vitest";
import { SeedanceClient, SeedanceError } from "../../src/index.js";
import { overEachTransport } from "../transports.js";
import { errorBody, imageParams, newClient, scripted } from "./fixtures.js";

const canary = "sk-test-CANARY-7f3a9c1e";

overEachTransport(() => {
  describe("the API key", () => {
    it("appears in no error, log line or serialization, even when the server echoes it", async () => {
      const lines: string[] = [];
      const sink = {
        debug: (l: string) => lines.push(l),
        info: (l: string) => lines.push(l),
        warn: (l: string) => lines.push(l),
        error: (l: string) => lines.push(l),
      };
      const { client } = await scripted(
        (request, res) =>
          sendJson(res, 500, errorBody("INTERNAL_ERROR", `bad key ${request.headers.authorization}`), {
            "retry-after": "0",
          }),
        { apiKey: canary, logger: sink, logLevel: "debug" },
      );
      const error = await client.seedream.generate(imageParams).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SeedanceError);
      const exposed = [
        String(error),
        (error as Error).stack,
        JSON.stringify(error),
        inspect(error, { depth: 5 }),
        JSON.stringify(client),
        inspect(client, { depth: 5, showHidden: true }),
        ...lines,
      ].join("\n");
      expect(lines.length).toBeGreaterThan(0);
      expect(exposed).toContain("[redacted]");
      expect(exposed).not.toContain(canary);
    });

    it("is not in a connection error", async () => {
      const client = newClient({ apiKey: canary, baseUrl: "http://127.0.0.1:9", maxRetries: 0 });
      const error = await client.task.getStatus("task-1").catch((e: unknown) => e);
      expect(`${String(error)} ${JSON.stringify(error)} ${inspect(error)}`).not.toContain(canary);
    });

    it.each([
      ["bearer", { authorization: `Bearer ${canary}` }, "x-api-key"],
      ["x-api-key", { "x-api-key": canary }, "authorization"],
    ] as const)("is sent exactly once, by the %s scheme", async (authScheme, sent, absent) => {
      const { server, client } = await scripted((_, res) => sendJson(res, 404, errorBody("NOT_FOUND")), {
        apiKey: canary,
        authScheme,
      });
      await client.task.getStatus("task-1").catch(() => {});
      expect(server.requests[0]?.headers).toMatchObject(sent);
      expect(server.requests[0]?.headers[absent]).toBeUndefined();
    });

    it("missing, is a clear error naming the option and the environment variable", () => {
      expect(() => new SeedanceClient()).toThrow(/apiKey.*SEEDANCE_API_KEY/);
    });

    it("is not needed behind a proxy that adds it (authScheme none)", async () => {
      const { server } = await scripted((_, res) => sendJson(res, 404, errorBody("NOT_FOUND")));
      const client = newClient({ baseUrl: server.url, authScheme: "none" });
      await client.task.getStatus("task-1").catch(() => {});
      expect(server.requests[0]?.headers.authorization).toBeUndefined();
    });

    it("goes with default and per-call headers; a per-call header replaces a default of any letter case", async () => {
      const { server, client } = await scripted((_, res) => sendJson(res, 404, errorBody("NOT_FOUND")), {
        apiKey: canary,
        defaultHeaders: { "X-App": "demo", "X-Trace": "default" },
      });
      await client.task.getStatus("task-1", { headers: { "x-trace": "t1" } }).catch(() => {});
      // Node joins a repeated header's values ("default, t1"), so this also shows it was sent once.
      expect(server.requests[0]?.headers).toMatchObject({ "x-app": "demo", "x-trace": "t1" });
    });
  });
});

describe("options", () => {
  it("calls a custom fetch as a plain function, and sends default and per-call headers", async () => {
    const { server } = await scripted((_, res) => sendJson(res, 404, errorBody("NOT_FOUND")));
    const receivers: unknown[] = [];
    const client = new SeedanceClient({
      apiKey: canary,
      baseUrl: `${server.url}/`,
      defaultHeaders: { "x-app": "demo" },
      fetch: function (this: unknown, url: string, init: RequestInit) {
        receivers.push(this);
        return fetch(url, init);
      },
    });
    await client.task.getStatus("task-1", { headers: { "x-trace": "t1" } }).catch(() => {});
    expect(receivers).toEqual([undefined]);
    expect(server.requests[0]?.path).toBe("/v1/tasks/task-1");
    expect(server.requests[0]?.headers).toMatchObject({ "x-app": "demo", "x-trace": "t1" });
  });

  it("rejects a nonsensical timeout or retry count at construction", () => {
    expect(() => new SeedanceClient({ apiKey: canary, timeout: -1 })).toThrow(/timeout/);
    expect(() => new SeedanceClient({ apiKey: canary, maxRetries: Number.NaN })).toThrow(/maxRetries/);
  });
});
