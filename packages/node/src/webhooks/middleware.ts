// Node http / Express adapter over the edge package's webhook handler.
import { SeedanceError, type WebhookHandlerOptions } from "@seedance/edge";
import { type NodeHandler, sendResponse, toRequest } from "../web-bridge.js";
import { createWebhookHandler } from "./node-hmac.js";
import { RAW_BODY_UNAVAILABLE, rawBody } from "./raw-body.js";

/**
 * `http.createServer(middleware)`, or `app.post("/webhooks", middleware)` in Express — mounted
 * before `express.json()`, or behind `express.raw()`. Answers as `createWebhookHandler` does.
 */
export function createWebhookMiddleware(options: WebhookHandlerOptions): NodeHandler {
  const handle = createWebhookHandler(options);
  return async (incoming, outgoing, next) => {
    const body = rawBody(incoming);
    if (body === undefined) {
      // A setup mistake, so it names the fix, in the app's logs too; the sender retries meanwhile.
      options.onError?.(new SeedanceError(RAW_BODY_UNAVAILABLE));
      return void outgoing
        .writeHead(500, { "content-type": "application/json" })
        .end(JSON.stringify({ error: "raw_body_unavailable", message: RAW_BODY_UNAVAILABLE }));
    }
    let response: Response;
    try {
      response = await handle(toRequest(incoming, body ?? undefined));
    } catch (error) {
      // E.g. the connection dropped while the body was read.
      if (next) return next(error);
      return void outgoing.writeHead(500).end();
    }
    await sendResponse(outgoing, response);
  };
}
