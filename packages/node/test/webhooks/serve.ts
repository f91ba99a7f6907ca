// Serves a Node request listener on a loopback port, optionally behind a body parser as an
// Express app would mount one (`express.raw()`, `express.json()`), without Express itself.
import { createServer, type IncomingMessage, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";

export type BodyParser = (body: Buffer, request: IncomingMessage & { body?: unknown; rawBody?: unknown }) => void;

export const parsers = {
  /** `express.raw({ type: "application/json" })`: the bytes as a Buffer on `req.body`. */
  raw: (body, request) => {
    request.body = body;
  },
  /** `express.text()`. */
  text: (body, request) => {
    request.body = body.toString("utf8");
  },
  /** `express.json()`: the bytes are gone, only a parsed object is left. */
  json: (body, request) => {
    request.body = JSON.parse(body.toString("utf8"));
  },
  /** `express.json({ verify: (req, _, buf) => { req.rawBody = buf } })`, a common recipe. */
  jsonKeepingRaw: (body, request) => {
    request.body = JSON.parse(body.toString("utf8"));
    request.rawBody = body;
  },
} satisfies Record<string, BodyParser>;

export async function serve(listener: RequestListener, parse?: BodyParser) {
  const server = createServer(async (request, response) => {
    if (parse) {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      parse(Buffer.concat(chunks), request);
    }
    listener(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
