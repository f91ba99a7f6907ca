// Slowloris webhook senders: headers at once, then the body a byte at a time. The receivers (Node
// middleware, edge handler) give the whole body `readTimeout` (10 s by default) and answer 408, and
// the Node one closes the connection instead of reading the rest of the drip.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createWebhookHandler as createEdgeWebhookHandler } from "@seedance/edge";
import { slowlorisPost } from "@seedance/testkit";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createWebhookMiddleware } from "../../src/index.js";

const secret = `whsec_${btoa("hostile-webhook-sender-0a9f")}`;
const signedHeaders = {
  "content-type": "application/json",
  "webhook-id": "msg_1",
  "webhook-timestamp": String(Math.floor(Date.now() / 1000)),
  "webhook-signature": "v1,AAAA",
};

afterEach(() => {
  vi.useRealTimers();
});

/** A body that sends one byte, then never another: a sender that stalls forever. */
const stalledBody = () =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode("{"));
    },
  });

describe("the Node webhook middleware", () => {
  it("answers a slowloris sender 408 at its readTimeout and closes the connection", async () => {
    const onEvent = vi.fn();
    const server = createServer(createWebhookMiddleware({ secret, onEvent, readTimeout: 300 }));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
      const sent = await slowlorisPost(url, { headers: signedHeaders, intervalMs: 50, giveUpAfterMs: 5000 });
      expect(sent.status).toBe(408);
      expect(sent.response).toContain('{"error":"request_timeout"}');
      expect(sent.closedAfterMs).toBeDefined();
      expect(sent.closedAfterMs).toBeLessThan(3000);
      expect(onEvent).not.toHaveBeenCalled();
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe("the edge webhook handler", () => {
  it("answers a slowloris sender 408 at its readTimeout", async () => {
    const handle = createEdgeWebhookHandler({ secret, onEvent: () => {}, readTimeout: 200 });
    const request = new Request("https://app.test/webhooks", {
      method: "POST",
      headers: signedHeaders,
      body: stalledBody(),
      duplex: "half",
    } as RequestInit);
    const response = await handle(request);
    expect(response.status).toBe(408);
    expect(await response.json()).toEqual({ error: "request_timeout" });
  });

  it("gives a body 10 s by default", async () => {
    vi.useFakeTimers();
    const handle = createEdgeWebhookHandler({ secret, onEvent: () => {} });
    const init = { method: "POST", headers: signedHeaders, body: stalledBody(), duplex: "half" } as RequestInit;
    let answered: Response | undefined;
    void handle(new Request("https://app.test/webhooks", init)).then((response) => {
      answered = response;
    });
    await vi.advanceTimersByTimeAsync(9_999);
    expect(answered).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(answered?.status).toBe(408);
  });
});
