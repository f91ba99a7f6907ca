// The Node transport: node:http / node:https instead of fetch. It skips the WHATWG layer (Request,
// Headers, Response, body streams) that fetch builds and tears down per call, and loading Node's
// bundled undici, which the first touch of a fetch global costs. Everything else a call does
// (retries, deadlines, aborts, idempotency, redirects, the rate-limit hold) is core's, over any transport.
import type { Agent, ClientRequest, IncomingHttpHeaders, IncomingMessage } from "node:http";
import { ResponseTooLargeError, type Transport, type TransportResponse } from "@seedance/core";

export interface HttpTransportOptions {
  /**
   * The `http.Agent` (for an `http:` base URL) or `https.Agent` (for `https:`) that owns the
   * connections, e.g. one that tunnels through a proxy. Default: Node's global agents, which keep
   * connections alive and, when `NODE_USE_ENV_PROXY=1` (Node 24.5+), follow `HTTPS_PROXY`,
   * `HTTP_PROXY` and `NO_PROXY` as Node's own clients do.
   */
  agent?: Agent;
}

/**
 * Sends over node:http or node:https, loaded at the first request rather than at import. It asks for
 * no compression and decodes none (node:http does not), so bytes are counted as they arrive; it
 * never follows a redirect (node:http does not either).
 */
export function httpTransport(options: HttpTransportOptions = {}): Transport {
  const { agent } = options;
  return ({ method, url, headers, body, signal, maxResponseBytes }) =>
    new Promise((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      const { request } = process.getBuiltinModule(url.startsWith("https:") ? "node:https" : "node:http");
      const sent = body === undefined ? headers : { ...headers, "content-length": String(Buffer.byteLength(body)) };
      const outgoing = request(url, { method, headers: sent, agent });
      // The abort is wired by hand rather than with request's `signal` option, which watches the
      // request with stream.finished: a dozen listeners per call, a tenth of a keep-alive call's time.
      const abort = () => outgoing.destroy(signal.reason);
      signal.addEventListener("abort", abort, { once: true });
      const settled =
        <T>(settle: (value: T) => void) =>
        (value: T) => {
          signal.removeEventListener("abort", abort);
          settle(value);
        };
      outgoing.on("error", settled(reject));
      outgoing.on("response", (incoming) =>
        readBody(outgoing, incoming, maxResponseBytes, settled(resolve), settled(reject)),
      );
      outgoing.end(body);
    });
}

/**
 * Reads the body within `limit` bytes. Every listener settles the promise and nothing else: an
 * exception thrown in one would be uncaught, outside the caller's promise, and end the process.
 */
function readBody(
  outgoing: ClientRequest,
  incoming: IncomingMessage,
  limit: number,
  resolve: (response: TransportResponse) => void,
  reject: (error: Error) => void,
): void {
  const status = incoming.statusCode ?? 0;
  const tooLarge = () => {
    reject(new ResponseTooLargeError(limit, status));
    // Destroys the socket too: the rest of the body is never read.
    outgoing.destroy();
  };
  if (Number(incoming.headers["content-length"]) > limit) {
    tooLarge();
    return;
  }
  // Bytes decoded once at the end (no per-response StringDecoder); most bodies arrive as one chunk.
  const chunks: Buffer[] = [];
  let size = 0;
  incoming.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size > limit) tooLarge();
    else chunks.push(chunk);
  });
  incoming.on("end", () => {
    try {
      const body = (chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)).toString("utf8");
      resolve({ status, headers: flatten(incoming.headers), body });
    } catch (error) {
      reject(error as Error);
    }
  });
  incoming.on("error", reject);
  // A reset or a stream cut short of its Content-Length closes without "end" (a settled promise ignores this).
  incoming.on("close", () => {
    if (!incoming.complete) reject(new Error("The connection closed before the response was complete."));
  });
}

function flatten(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}
