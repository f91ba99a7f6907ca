// Node http / Express adapter over the edge package's proxy: IncomingMessage in, a web Request to
// the shared handler, its Response streamed back into the ServerResponse.
import type { IncomingMessage } from "node:http";
import { createProxyHandler, type ProxyOptions } from "@seedance/edge";
import { bodyStream, carriesBody, type NodeHandler, sendResponse, toRequest } from "./web-bridge.js";

/** A Node http request listener that is also Express middleware (`next` gets the handler's errors). */
export type NodeProxyHandler = NodeHandler;

/** `http.createServer(handler)`, or `app.use("/api/seedance", handler)` in Express. */
export function createNodeProxyHandler(options: ProxyOptions): NodeProxyHandler {
  const handle = createProxyHandler(options);
  return async (incoming, outgoing, next) => {
    // A browser that goes away cancels the upstream call too.
    const abort = new AbortController();
    outgoing.on("close", () => {
      if (!outgoing.writableFinished) abort.abort();
    });
    let response: Response;
    try {
      response = await handle(toRequest(incoming, proxyBody(incoming), abort.signal));
    } catch (error) {
      // E.g. a throwing `authorize` hook: Express's error handling where there is one, else a bare 500
      // (a rejected listener would crash a plain http server).
      if (next) return next(error);
      return void outgoing.writeHead(500).end();
    }
    await sendResponse(outgoing, response);
  };
}

function proxyBody(incoming: IncomingMessage): BodyInit | undefined {
  if (!carriesBody(incoming)) return undefined;
  // Behind express.json() the stream is already read and its JSON sits on `body`.
  const parsed = (incoming as { body?: unknown }).body;
  return parsed !== undefined ? JSON.stringify(parsed) : bodyStream(incoming);
}
