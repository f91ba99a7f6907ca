// A server that answers with a redirect to another origin: the SDK never follows one, over either
// build, whatever the method and auth scheme, so the other server receives nothing (no key, no body,
// no Idempotency-Key), and the caller gets a RedirectError naming where it pointed.
import { redirectTo, type ScriptedServer, sendJson, startScriptedServer } from "@seedance/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RedirectError } from "../../src/index.js";
import { BUILDS } from "./builds.js";

const KEY = "sk-hostile-redirect";
let elsewhere: ScriptedServer;
beforeAll(async () => {
  elsewhere = await startScriptedServer((_, response) => sendJson(response, 200, { status: "success", data: {} }));
});
afterAll(() => elsewhere.stop());
beforeEach(() => {
  elsewhere.requests.length = 0;
});

const calls = {
  GET: (client: InstanceType<(typeof BUILDS)[number]["Client"]>) => client.task.getStatus("task-1"),
  POST: (client: InstanceType<(typeof BUILDS)[number]["Client"]>) =>
    client.seedream.generate({ prompt: "a fox", model: "seedream-4.5" }, { idempotencyKey: "idem-hostile" }),
};

describe.each(BUILDS)("the $name", ({ Client }) => {
  describe.each([307, 308] as const)("answered %i to another origin", (status) => {
    it.each([
      ["GET", "bearer"],
      ["GET", "x-api-key"],
      ["POST", "bearer"],
      ["POST", "x-api-key"],
    ] as const)(
      "on %s with the %s scheme, sends that origin nothing (no key, body or Idempotency-Key) and throws RedirectError",
      async (method, authScheme) => {
        const target = `${elsewhere.url}/v1/landing?from=api`;
        const api = await startScriptedServer(redirectTo(status, target));
        try {
          const client = new Client({ apiKey: KEY, authScheme, baseUrl: api.url, maxRetries: 2 });
          const error = await calls[method](client).catch((caught: unknown) => caught);
          expect(error).toBeInstanceOf(RedirectError);
          expect(error).toMatchObject({ status, location: target });
          expect((error as Error).message).toMatch(/never follows redirects.*baseUrl/s);
          expect(api.requests).toHaveLength(1); // not retried either
          expect(elsewhere.requests).toEqual([]);
        } finally {
          await api.stop();
        }
      },
    );
  });
});
