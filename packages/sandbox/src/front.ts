// The URL the sandbox prints. Every answer it gives is the simulator's, in the API's envelope.
// Requests to the spec's paths go through Prism's validating proxy, run without `--errors` so that
// it forwards every request and passes every answer on; its verdict on the exchange goes to
// `onViolations` (the sandbox's log), and what it finds wrong with the answer itself, the server's
// fault, to the `sl-violations` header, as Prism's `--errors` mode reported it. Prism still answers
// a few requests itself (`application/problem+json`, e.g. a GET with a body), and never answers one
// whose body it cannot decode (a body that is not JSON under a JSON content type): those go to the
// simulator directly, the reason logged. Other paths (media, unknown ones) go to the simulator
// directly, as Prism would only forward them.
import { Agent, createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { MAX_BODY_BYTES } from "./http.ts";
import { route } from "./router.ts";

/** One way an exchange breaks the spec, as Prism reports it in `sl-violations`. */
export interface Violation {
  location: string[];
  severity: string;
  code?: string | number;
  message: string;
}

/** An exchange Prism found fault with: the request line and the status the client got. */
export interface Exchange {
  method: string;
  path: string;
  status: number;
}

export interface FrontOptions {
  port?: number;
  /** Prism's validating proxy in front of the simulator. */
  prismUrl: string;
  simulatorUrl: string;
  /** Called with the violations of each exchange that has some. */
  onViolations?: (exchange: Exchange, violations: Violation[]) => void;
}

export interface Front {
  url: string;
  stop(): Promise<void>;
}

const HOST = "127.0.0.1";
/** Headers about one connection, not the message (RFC 9110 §7.6.1); `host` and `content-length` are set anew. */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "upgrade",
  "te",
  "trailer",
  "expect",
  "host",
  "content-length",
]);
/** Prism's own limit for the header (a longer list is cut, as Prism cuts it). */
const MAX_VIOLATIONS_HEADER = 8 * 1024 - 100;

const messageHeaders = (headers: IncomingMessage["headers"]) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)));

/** The body, read up to one byte past the simulator's limit (the simulator refuses it then). */
async function readBounded(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) break;
  }
  return Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES + 1);
}

/**
 * Why Prism could not read this body, if it could not: it decodes a body by its charset, and parses
 * one sent as JSON (`application/json`, `application/*+json`) with JSON.parse; either failing, or a
 * body past its limit, leaves the request unanswered.
 */
function unreadable(request: IncomingMessage, body: Buffer): string | undefined {
  if (body.length === 0) return undefined;
  if (body.length > MAX_BODY_BYTES) return `the body is larger than ${MAX_BODY_BYTES} bytes`;
  const contentType = request.headers["content-type"] ?? "";
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1]?.toLowerCase();
  if (charset !== undefined && charset !== "utf-8" && charset !== "utf8") return `the body's charset is ${charset}`;
  if (!/^\s*application\/(json|[^;\s/]+\+json)\s*(;|$)/i.test(contentType)) return undefined;
  try {
    JSON.parse(body.toString("utf8"));
    return undefined;
  } catch {
    return "the request body is not valid JSON";
  }
}

function parseViolations(header: string | string[] | undefined): Violation[] {
  if (typeof header !== "string") return [];
  try {
    const parsed: unknown = JSON.parse(header);
    return Array.isArray(parsed) ? (parsed as Violation[]) : [];
  } catch {
    return [{ location: [], severity: "Error", message: header }];
  }
}

/** Prism's own answer (a problem document) as violations of the request. */
function problemViolations(text: string): Violation[] {
  try {
    const problem = JSON.parse(text) as { title?: string; detail?: string; validation?: Partial<Violation>[] };
    if (Array.isArray(problem.validation) && problem.validation.length > 0) {
      return problem.validation.map(({ location, severity, code, message }) => ({
        location: ["request", ...(Array.isArray(location) ? location.map(String) : [])],
        severity: severity ?? "Error",
        ...(code !== undefined ? { code } : {}),
        message: message ?? "",
      }));
    }
    return [
      { location: ["request"], severity: "Error", message: [problem.title, problem.detail].filter(Boolean).join(": ") },
    ];
  } catch {
    return [{ location: ["request"], severity: "Error", message: "Prism refused the request" }];
  }
}

export async function startFront(options: FrontOptions): Promise<Front> {
  const agent = new Agent({ keepAlive: true });

  /** Sends the request, with the body read so far, to `base`; resolves with the answer's head. */
  const send = (base: string, request: IncomingMessage, body: Buffer, client: ServerResponse) =>
    new Promise<IncomingMessage>((resolve, reject) => {
      const hasBody =
        body.length > 0 ||
        request.headers["content-length"] !== undefined ||
        request.headers["transfer-encoding"] !== undefined;
      const outgoing = httpRequest(
        `${base}${request.url ?? "/"}`,
        {
          method: request.method,
          headers: { ...messageHeaders(request.headers), ...(hasBody ? { "content-length": body.length } : {}) },
          agent,
        },
        resolve,
      );
      outgoing.on("error", reject);
      // The client went away before its answer was written: stop the call.
      client.once("close", () => client.writableFinished || outgoing.destroy());
      outgoing.end(body);
    });

  const pass = (answer: IncomingMessage, client: ServerResponse, violations: Violation[]) => {
    // The request's own violations are the client's to fix, and its answer (a 400 naming the field)
    // says so; the header keeps to the server's faults, which no client could fix.
    const ofAnswer = violations.filter(({ location }) => location[0] === "response");
    let header = ofAnswer.length > 0 ? JSON.stringify(ofAnswer) : undefined;
    if (header && header.length > MAX_VIOLATIONS_HEADER)
      header = `Too many violations! ${header.slice(0, MAX_VIOLATIONS_HEADER)}`;
    const { "sl-violations": _prisms, ...headers } = messageHeaders(answer.headers);
    client.writeHead(answer.statusCode ?? 502, {
      ...headers,
      ...(answer.headers["content-length"] !== undefined ? { "content-length": answer.headers["content-length"] } : {}),
      ...(header ? { "sl-violations": header } : {}),
    });
    answer.pipe(client);
  };

  const handle = async (request: IncomingMessage, client: ServerResponse) => {
    const body = await readBounded(request);
    const exchange = (status: number): Exchange => ({
      method: request.method ?? "",
      path: new URL(request.url ?? "/", "http://sandbox").pathname,
      status,
    });
    const report = (status: number, violations: Violation[]) => {
      if (violations.length > 0) options.onViolations?.(exchange(status), violations);
    };
    const direct = async (violations: Violation[]) => {
      const answer = await send(options.simulatorUrl, request, body, client);
      report(answer.statusCode ?? 0, violations);
      pass(answer, client, violations);
    };

    if (!route(request.method, exchange(0).path)) return direct([]);
    const reason = unreadable(request, body);
    if (reason)
      return direct([
        { location: ["request", "body"], severity: "Error", message: `Prism cannot read this request: ${reason}` },
      ]);
    const answer = await send(options.prismUrl, request, body, client).catch(() => undefined);
    if (!answer) return direct([{ location: ["request"], severity: "Error", message: "Prism did not answer" }]);
    if (/^application\/problem\+json/i.test(answer.headers["content-type"] ?? "")) {
      const chunks: Buffer[] = [];
      for await (const chunk of answer) chunks.push(chunk as Buffer);
      return direct(problemViolations(Buffer.concat(chunks).toString("utf8")));
    }
    const violations = parseViolations(answer.headers["sl-violations"]);
    report(answer.statusCode ?? 0, violations);
    pass(answer, client, violations);
  };

  const server = createServer((request, client) => {
    handle(request, client).catch((error: unknown) => {
      // The simulator itself did not answer: the API's 500, so that clients still get its envelope.
      if (client.headersSent) return client.destroy();
      const message = `The sandbox could not answer: ${(error as Error).message}`;
      const body = JSON.stringify({ status: "error", error: { code: "INTERNAL_ERROR", message } });
      client
        .writeHead(500, { "content-type": "application/json", "content-length": Buffer.byteLength(body) })
        .end(body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, HOST, resolve);
  });
  return {
    url: `http://${HOST}:${(server.address() as AddressInfo).port}`,
    stop: async () => {
      server.closeAllConnections();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
