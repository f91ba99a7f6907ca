// The client sends over node:http with Node's global agent, which keeps connections alive: a run
// of calls from one client reuses its connections. Measured with a relay in front of Prism that
// counts the connections it accepts: 10 calls, at most 2 connections.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, inject, it } from "vitest";
import { SeedanceClient } from "../src/index.js";

it("reuses connections across sequential calls", async () => {
  const prism = inject("prismUrl");
  let connections = 0;
  const relay = createServer(async (request, response) => {
    const upstream = await fetch(`${prism}${request.url}`, { headers: { authorization: "Bearer k" } });
    response.writeHead(upstream.status, { "content-type": "application/json" });
    response.end(await upstream.text());
  }).on("connection", () => connections++);
  await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
  const client = new SeedanceClient({
    apiKey: "sk-test",
    baseUrl: `http://127.0.0.1:${(relay.address() as AddressInfo).port}`,
  });

  for (let i = 0; i < 10; i++) await client.task.getStatus("task-123-abc");

  expect(connections).toBeLessThanOrEqual(2);
  relay.closeAllConnections();
  relay.close();
});
