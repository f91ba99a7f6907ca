// A mutant server: a small proxy in front of the real simulator (@seedance/sandbox) that injects one
// defect, through two hooks: `before` may change the request (or answer it, or drop the
// connection) and `after` may change the simulator's answer. Without hooks it is a correct server.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { buffer } from "node:stream/consumers";

/** Answers are JSON read from the simulator; the hooks edit them freely. */
export type Json = any;

export interface MutantRequest {
  method: string;
  /** The path, e.g. `/v1/tasks/task-1`. */
  path: string;
  /** Lower-case header names: authorization, x-api-key, idempotency-key, content-type. */
  headers: Record<string, string>;
  body: Json;
}

export interface MutantReply {
  status: number;
  headers: Record<string, string>;
  /** JSON to send, or a string sent as is (`""` for no body). */
  body: Json;
}

export type Intercept = MutantReply | "drop" | { delayMs: number } | undefined;

export interface Defect {
  /** May change `request` in place; a reply answers it instead of the simulator, "drop" closes the connection. */
  before?(request: MutantRequest): Intercept;
  /** May change the simulator's answer in place (or return another one, or "drop"). */
  after?(request: MutantRequest, reply: MutantReply): MutantReply | "drop" | undefined;
}

const FORWARDED = ["authorization", "x-api-key", "idempotency-key", "content-type"];

export interface MutantServer {
  url: string;
  stop(): Promise<void>;
}

async function toRequest(incoming: IncomingMessage): Promise<MutantRequest> {
  const raw = incoming.method === "POST" ? (await buffer(incoming)).toString("utf8") : "";
  let body: Json;
  try {
    body = raw ? JSON.parse(raw) : undefined;
  } catch {
    body = raw;
  }
  const headers: Record<string, string> = {};
  for (const name of FORWARDED) {
    const value = incoming.headers[name];
    if (typeof value === "string") headers[name] = value;
  }
  return { method: incoming.method ?? "GET", path: incoming.url ?? "/", headers, body };
}

async function forward(upstream: string, request: MutantRequest): Promise<MutantReply> {
  const answer = await fetch(`${upstream}${request.path}`, {
    method: request.method,
    headers: request.headers,
    body:
      request.body === undefined
        ? undefined
        : typeof request.body === "string"
          ? request.body
          : JSON.stringify(request.body),
  });
  const text = await answer.text();
  const headers = Object.fromEntries(answer.headers);
  for (const name of ["content-length", "transfer-encoding", "connection", "keep-alive", "date"]) delete headers[name];
  return { status: answer.status, headers, body: text ? JSON.parse(text) : "" };
}

export async function startMutantServer(upstream: string, defect: Defect = {}): Promise<MutantServer> {
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer(async (incoming, response) => {
    try {
      const request = await toRequest(incoming);
      const intercepted = defect.before?.(request);
      if (intercepted === "drop") return void incoming.socket.destroy();
      if (intercepted && "delayMs" in intercepted)
        await new Promise((resolve) => timers.add(setTimeout(resolve, intercepted.delayMs)));
      let reply = intercepted && "status" in intercepted ? intercepted : await forward(upstream, request);
      const changed = defect.after?.(request, reply);
      if (changed === "drop") return void incoming.socket.destroy();
      reply = changed ?? reply;
      const body = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
      if (response.destroyed) return;
      response.writeHead(reply.status, reply.headers).end(body);
    } catch {
      incoming.socket.destroy();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async stop() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The spec's error envelope, for mutants that answer an error themselves. */
export const errorReply = (
  status: number,
  code: string,
  message: string,
  headers: Record<string, string>,
): MutantReply => ({
  status,
  headers: { ...headers, "content-type": "application/json" },
  body: { status: "error", error: { code, message } },
});
