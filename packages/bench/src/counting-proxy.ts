// A pass-through proxy that counts the requests reaching it: the server's view of what a client
// spent, whatever the client believes it sent (retries included).
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface CountingProxy {
  url: string;
  count: () => number;
  stop: () => Promise<void>;
}

const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding"]);

export async function startCountingProxy(target: string): Promise<CountingProxy> {
  let count = 0;
  const server = createServer(async (request, response) => {
    count++;
    const body = await readBody(request);
    const upstream = await fetch(`${target}${request.url}`, {
      method: request.method,
      headers: Object.entries(request.headers).flatMap(([name, value]) =>
        name === "host" || HOP_BY_HOP.has(name) || value === undefined
          ? []
          : [[name, String(value)] as [string, string]],
      ),
      ...(body.length > 0 ? { body: new Uint8Array(body) } : {}),
    });
    const answer = Buffer.from(await upstream.arrayBuffer());
    const headers = [...upstream.headers].filter(([name]) => !HOP_BY_HOP.has(name));
    response.writeHead(upstream.status, Object.fromEntries(headers)).end(answer);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    count: () => count,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
