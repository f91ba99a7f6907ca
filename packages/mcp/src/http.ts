// Streamable HTTP: sessions at /mcp behind a bearer token of the server's own (SEEDANCE_MCP_TOKEN).
// The API key stays in the server's environment; nothing a client sends can supply or replace it.
import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { isInitializeRequest } from "@modelcontextprotocol/sdk/types.js";
import { createSeedanceMcpServer, type SeedanceMcpOptions } from "./server.ts";

export interface HttpServerOptions extends SeedanceMcpOptions {
  /** The bearer token clients must send. */
  token: string;
  /** Default 127.0.0.1: reachable from this machine only. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
}

export interface HttpServer {
  /** The endpoint, e.g. http://127.0.0.1:3333/mcp. */
  url: string;
  close(): Promise<void>;
}

const ENDPOINT = "/mcp";
const MAX_BODY_BYTES = 1_000_000;
const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);

const digest = (value: string) => createHash("sha256").update(value).digest();

function authorized(request: IncomingMessage, token: string): boolean {
  const match = /^Bearer (.+)$/.exec(request.headers.authorization ?? "");
  // Compare digests: equal lengths for timingSafeEqual, and no early exit on the first differing byte.
  return match !== null && timingSafeEqual(digest(match[1] as string), digest(token));
}

function reject(response: ServerResponse, status: number, message: string, headers: Record<string, string> = {}) {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify({ jsonrpc: "2.0", error: { code: -32000, message }, id: null }));
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES) throw new Error(`The request body is over ${MAX_BODY_BYTES} bytes.`);
    chunks.push(chunk);
  }
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const { token, host = "127.0.0.1", port = 0, ...serverOptions } = options;
  const sessions = new Map<string, StreamableHTTPServerTransport>();
  let allowedHosts: string[] = [];

  async function openSession(request: IncomingMessage, response: ServerResponse, body: unknown) {
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: randomUUID,
      onsessioninitialized: (id) => void sessions.set(id, transport),
      // A web page the user visits must not reach a loopback server through DNS rebinding.
      enableDnsRebindingProtection: LOOPBACK.has(host),
      allowedHosts,
    });
    transport.onclose = () => {
      if (transport.sessionId) sessions.delete(transport.sessionId);
    };
    await createSeedanceMcpServer(serverOptions).connect(transport);
    await transport.handleRequest(request, response, body);
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (path !== ENDPOINT) return reject(response, 404, `Not found: the MCP endpoint is ${ENDPOINT}.`);
    if (!authorized(request, token)) {
      return reject(response, 401, "Unauthorized: send Authorization: Bearer <SEEDANCE_MCP_TOKEN>.", {
        "www-authenticate": 'Bearer realm="seedance-mcp"',
      });
    }
    const sessionId = request.headers["mcp-session-id"];
    const session = typeof sessionId === "string" ? sessions.get(sessionId) : undefined;
    const body = request.method === "POST" ? await readJson(request) : undefined;
    if (session) return session.handleRequest(request, response, body);
    if (sessionId !== undefined) return reject(response, 404, "Unknown session: initialize a new one.");
    if (request.method === "POST" && isInitializeRequest(body)) return openSession(request, response, body);
    return reject(response, 400, "No session: start with an initialize request.");
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      serverOptions.log?.(`http: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) reject(response, 400, error instanceof Error ? error.message : "Bad request.");
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const { port: actual } = server.address() as AddressInfo;
  allowedHosts = [`127.0.0.1:${actual}`, `localhost:${actual}`, `[::1]:${actual}`];
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${actual}${ENDPOINT}`,
    close: async () => {
      await Promise.all([...sessions.values()].map((transport) => transport.close()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
