// Random requests, as an attacker's browser might send them, through the proxy to a loopback upstream
// that records what reaches it. Whatever the input, the upstream only ever sees the spec's operations
// with bodies the spec accepts, the server's key and no browser credential, the app's webhook URL and
// the policy's limits; and no response carries the key.
import { type ScriptedServer, sendJson, startScriptedServer } from "@seedance/testkit";
import { afterAll, beforeAll, describe, it } from "vitest";
import { createProxyHandler } from "../src/index.js";
import { fuzzPolicy, fuzzProxy, KEY } from "./fuzz/requests.js";

const RUNS = 1000;

let upstream: ScriptedServer;
beforeAll(async () => {
  upstream = await startScriptedServer((_, response) => sendJson(response, 200, { status: "success", data: {} }));
});
afterAll(() => upstream.stop());

describe.each([
  ["the default policy", false],
  ["a fixed webhook URL and per-user quotas", true],
])("the proxy under random requests, with %s", (_, fixedWebhook) => {
  it(`forwards only what the spec accepts, with the server's key, over ${RUNS} runs`, async () => {
    const handler = createProxyHandler({
      apiKey: KEY,
      baseUrl: upstream.url,
      maxBodyBytes: 16 * 1024,
      policy: fuzzPolicy(fixedWebhook),
      // The default policy has no `authorize`; its start-up warning is not this test's to show.
      allowAnonymous: true,
      logger: { warn: () => {} },
    });
    const expectStatuses = [400, 403, 413, ...(fixedWebhook ? [429] : [])];
    await fuzzProxy({ upstream, fixedWebhook, runs: RUNS, send: handler, expectStatuses });
  });
});
