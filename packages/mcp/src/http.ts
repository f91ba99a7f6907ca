// Streamable HTTP: sessions at /mcp behind a bearer token of the server's own (SEEDANCE_MCP_TOKEN).
// The API key stays in the server's environment; nothing a client sends can supply or replace it.
// A browser's request is refused unless it comes from a page on this machine or from an origin the
// operator allowed (the MCP specification asks servers to validate Origin): the SDK's own
// `allowedOrigins` is deprecated and only checked with its DNS-rebinding protection, which cannot be
// on when the server binds another address than loopback, and its middleware is Express's.
import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { isInitializeRequest } from "@modelcontextprotocol/sdk/types.js";
import { cleaner } from "./redact.ts";
import { createSeedanceMcpServer, type SeedanceMcpOptions } from "./server.ts";
import { SeedanceTaskStore } from "./tasks.ts";

export interface HttpServerOptions extends SeedanceMcpOptions {
  /** The bearer token clients must send. */
  token: string;
  /** Default 127.0.0.1: reachable from this machine only. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
  /**
   * Web origins (scheme, host and port, e.g. `https://app.example.com`) whose pages may call the
   * server, besides pages on this machine (`localhost`, `127.0.0.1`, `[::1]`, any port). Requests
   * without an `Origin` header, from clients that are not browsers, are not affected.
   */
  allowedOrigins?: string[];
}

export interface HttpServer {
  /** The endpoint, e.g. http://127.0.0.1:3333/mcp. */
  url: string;
  close(): Promise<void>;
}

const ENDPOINT = "/mcp";
const MAX_BODY_BYTES = 1_000_000;
const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);
const LOOPBACK_ORIGIN_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** `value` as an origin (`https://app.example.com:8443`), or an error that says what one looks like. */
export function parseOrigin(value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {}
  const bare = url && url.pathname === "/" && !url.search && !url.hash && !url.username && !url.password;
  if (!url || !bare || !/^https?:$/.test(url.protocol) || !/^[^/]+:\/\/[^/]+\/?$/.test(value)) {
    throw new TypeError(
      `Not a web origin: "${value}". Give the scheme, host and port only, e.g. https://app.example.com.`,
    );
  }
  return url.origin;
}

/** Whether a request with this Origin header may go on: none (not a browser), a loopback page, or an allowed one. */
function originAllowed(origin: string | undefined, allowed: Set<string>): boolean {
  if (origin === undefined) return true;
  try {
    const url = new URL(origin);
    if (url.origin !== origin) return false;
    return allowed.has(url.origin) || (/^https?:$/.test(url.protocol) && LOOPBACK_ORIGIN_HOSTS.has(url.hostname));
  } catch {
    // "null" (a sandboxed frame, a file) or garbage.
    return false;
  }
}

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
  const { token, host = "127.0.0.1", port = 0, allowedOrigins = [], ...rest } = options;
  const allowed = new Set(allowedOrigins.map(parseOrigin));
  const clean = cleaner(rest.apiKey ?? process.env.SEEDANCE_API_KEY);
  const log = (line: string) => rest.log?.(clean(line));
  // One store for every session: a client that reconnects finds its tasks by id.
  const taskStore =
    rest.taskStore ?? new SeedanceTaskStore({ waiter: rest.waiter ?? rest.client, apiKey: rest.apiKey, log: rest.log });
  const serverOptions = { ...rest, taskStore };
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
    const origin = request.headers.origin;
    if (!originAllowed(origin, allowed)) {
      log(`http: refused a request from the web page at ${JSON.stringify(origin)}`);
      return reject(
        response,
        403,
        `Forbidden: requests from web pages at ${JSON.stringify(origin)} are refused. Start seedance-mcp with --allow-origin ORIGIN to allow an origin.`,
      );
    }
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
      log(`http: ${error instanceof Error ? error.message : String(error)}`);
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
      if (!rest.taskStore) taskStore.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
