// Node http ↔ fetch, shared by the adapters over @seedance/edge's handlers: an IncomingMessage as
// a web Request, and a web Response streamed back into the ServerResponse.
// node:stream is looked up when a request arrives, not at import: most apps never serve one.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";

const streams = () => process.getBuiltinModule("node:stream");

/** A Node http request listener that is also Express middleware (`next` gets the handler's errors). */
export type NodeHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  next?: (error?: unknown) => void,
) => Promise<void>;

/** The incoming message's method, URL and headers, with `body` (which the caller reads its own way). */
export function toRequest(incoming: IncomingMessage, body: BodyInit | undefined, signal?: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    // HTTP/2 pseudo-headers (":path") are not headers a Request can carry.
    if (value === undefined || name.startsWith(":")) continue;
    for (const item of [value].flat()) headers.append(name, item);
  }
  const url = new URL(incoming.url ?? "/", `http://${incoming.headers.host ?? "localhost"}`);
  const init: RequestInit & { duplex?: "half" } = { method: incoming.method ?? "GET", headers, signal };
  if (body !== undefined) {
    init.body = body;
    init.duplex = "half";
  }
  return new Request(url, init);
}

/** Whether the method may carry a body (a fetch Request refuses one on GET and HEAD). */
export const carriesBody = ({ method = "GET" }: IncomingMessage) => method !== "GET" && method !== "HEAD";

/** The incoming message's body stream as a web stream. */
export const bodyStream = (incoming: IncomingMessage) =>
  streams().Readable.toWeb(incoming) as ReadableStream<Uint8Array>;

export async function sendResponse(outgoing: ServerResponse, response: Response): Promise<void> {
  // An answer before the whole body arrived (413, 408) closes the connection: keeping it alive would
  // mean reading the rest of a body the sender may drip for minutes.
  if (!outgoing.req.complete) outgoing.setHeader("connection", "close");
  // A Response made with Response.json() has no status text: Node then supplies the standard one.
  outgoing.writeHead(response.status, response.statusText || undefined, Object.fromEntries(response.headers));
  if (!response.body) return void outgoing.end();
  // A failed pipe means the client went away; pipeline has already destroyed both ends.
  const { Readable, promises } = streams();
  await promises.pipeline(Readable.fromWeb(response.body as NodeReadableStream), outgoing).catch(() => {});
}
