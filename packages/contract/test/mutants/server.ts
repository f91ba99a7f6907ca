// A mutant server: a small proxy in front of the real simulator (@seedance/sandbox) that injects one
// defect, through two hooks: `before` may change the request (or answer it, or drop the
// connection) and `after` may change the simulator's answer. Without hooks it is a correct server.
import { createServer, request as httpRequest, type IncomingMessage, type Server } from "node:http";
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
/** Hop-by-hop and framing headers, which the mutant's own answer sets anew. */
const DROPPED = ["content-length", "transfer-encoding", "connection", "keep-alive", "date"];

export interface MutantServer {
  url: string;
  /** Requests received so far (whichever tool sent them). */
  requests(): number;
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

/** The request to the simulator, by node:http (fetch refuses some methods, e.g. TRACE, that tools send). */
function forward(upstream: string, request: MutantRequest): Promise<MutantReply> {
  const body =
    request.body === undefined
      ? undefined
      : typeof request.body === "string"
        ? request.body
        : JSON.stringify(request.body);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      `${upstream}${request.path}`,
      { method: request.method, headers: request.headers },
      (answer) => {
        buffer(answer).then((raw) => {
          const text = raw.toString("utf8");
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(answer.headers))
            if (typeof value === "string" && !DROPPED.includes(name)) headers[name] = value;
          resolve({ status: answer.statusCode ?? 500, headers, body: text ? JSON.parse(text) : "" });
        }, reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

export async function startMutantServer(upstream: string, defect: Defect = {}): Promise<MutantServer> {
  const timers = new Set<NodeJS.Timeout>();
  let received = 0;
  const server: Server = createServer(async (incoming, response) => {
    received++;
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
    requests: () => received,
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
