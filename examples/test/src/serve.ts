// Puts a handler on a free loopback port, so the sandbox can deliver webhooks to it: a Node request
// listener (Express) as it is, a web `(Request) => Response` handler (Worker, Next.js route) through
// a minimal bridge.
import { createServer, type IncomingMessage, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { afterAll } from "vitest";

type WebHandler = (request: Request) => Promise<Response>;

export async function serve(listener: RequestListener): Promise<string> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export function serveWeb(handler: WebHandler): Promise<string> {
  return serve(async (incoming, outgoing) => {
    const response = await handler(toRequest(incoming));
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  });
}

function toRequest(incoming: IncomingMessage): Request {
  const method = incoming.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(`http://${incoming.headers.host}${incoming.url}`, {
    method,
    headers: incoming.headers as Record<string, string>,
    body: hasBody ? (Readable.toWeb(incoming) as ReadableStream) : undefined,
    duplex: "half",
  } as RequestInit);
}
