// Node http / Express adapter over the edge package's proxy: IncomingMessage in, a web Request to
// the shared handler, its Response streamed back into the ServerResponse.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { createProxyHandler, type ProxyOptions } from "@seedance/edge";

/** A Node http request listener that is also Express middleware (`next` gets the handler's errors). */
export type NodeProxyHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  next?: (error?: unknown) => void,
) => Promise<void>;

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
      response = await handle(toRequest(incoming, abort.signal));
    } catch (error) {
      // E.g. a throwing `authorize` hook: Express's error handling where there is one, else a bare 500
      // (a rejected listener would crash a plain http server).
      if (next) return next(error);
      return void outgoing.writeHead(500).end();
    }
    outgoing.writeHead(response.status, response.statusText, Object.fromEntries(response.headers));
    if (!response.body) return void outgoing.end();
    // A failed pipe means the browser went away; pipeline has already destroyed both ends.
    await pipeline(Readable.fromWeb(response.body as NodeReadableStream), outgoing).catch(() => {});
  };
}

function toRequest(incoming: IncomingMessage, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    // HTTP/2 pseudo-headers (":path") are not headers a Request can carry.
    if (value === undefined || name.startsWith(":")) continue;
    for (const item of [value].flat()) headers.append(name, item);
  }
  const url = new URL(incoming.url ?? "/", `http://${incoming.headers.host ?? "localhost"}`);
  const init: RequestInit & { duplex?: "half" } = { method: incoming.method ?? "GET", headers, signal };
  if (init.method !== "GET" && init.method !== "HEAD") {
    // Behind express.json() the stream is already read and its JSON sits on `body`.
    const parsed = (incoming as { body?: unknown }).body;
    init.body =
      parsed !== undefined ? JSON.stringify(parsed) : (Readable.toWeb(incoming) as ReadableStream<Uint8Array>);
    init.duplex = "half";
  }
  return new Request(url, init);
}
