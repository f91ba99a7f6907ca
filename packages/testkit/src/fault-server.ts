// The fault matrix's server: plays the scripted behaviours of fault-matrix/cases.json on loopback,
// for every client that runs the matrix (TypeScript over both transports, Python sync and async), so
// each language meets byte for byte the same misbehaviour. A second server is "another origin", to
// see what a redirect would leak there.
//
// A client's base URL is `${url}/c/<case id>/<run id>`: the server strips that prefix, answers the
// run's n-th request with the case's n-th answer (the last one repeating), and records every request
// of the run (`runs(runId)`, or `GET /__runs/<run id>` from another process).
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";

type HeaderValue = string | { httpDateInMs: number } | { unixSecondsIn: number };

export interface FaultAnswer {
  kind: string;
  status?: number;
  headers?: Record<string, HeaderValue>;
  body?: unknown;
  contentType?: string;
  data?: Record<string, unknown>;
  length?: number;
  intervalMs?: number;
  lines?: number;
  totalMs?: number;
  to?: "other-origin" | "same-origin";
  bytes?: number;
  gzip?: boolean;
  contentLength?: boolean;
}

export interface FaultCase {
  id: string;
  name: string;
  operations?: string[];
  client?: { timeoutMs?: number; maxRetries?: number; validate?: boolean; maxResponseBytes?: number };
  calls?: number;
  params?: Record<string, Record<string, unknown>>;
  answers: FaultAnswer[];
  expect: Record<string, unknown>;
}

export interface FaultMatrix {
  defaults: { client: { timeoutMs: number; maxRetries: number }; operations: string[] };
  cases: FaultCase[];
}

export interface RecordedFaultRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Epoch milliseconds when the request arrived. */
  at: number;
}

export interface FaultRun {
  requests: RecordedFaultRequest[];
  /** Requests that reached the other origin. */
  otherOrigin: RecordedFaultRequest[];
  /** The reset (epoch milliseconds) of the last `x-ratelimit-reset` this run was told. */
  announcedResetMs?: number;
}

export const FAULT_MATRIX_FILE = new URL("../fault-matrix/cases.json", import.meta.url);

/** The answer kinds this server plays; a case using another fails validation, loudly. */
export const ANSWER_KINDS = [
  "ok",
  "json",
  "text",
  "destroy",
  "headers-then-destroy",
  "partial-body-then-destroy",
  "truncated",
  "stall",
  "dribble-body",
  "drip-headers",
  "redirect",
  "large-body",
  "echo-key",
] as const;

/** A success envelope: `{ status, data }`. */
type Envelope = { status: string; data: object };

/** What each operation answers when it succeeds (the spec's examples, trimmed). */
export const SUCCESS: Record<string, { method: string; path: string; status: number; body: Envelope }> = {
  generateImage: {
    method: "POST",
    path: "/v1/seedream/generate",
    status: 200,
    body: {
      status: "success",
      data: {
        task_id: "task-1",
        images: [{ id: "img-1", url: "https://cdn.example/img-1.png" }],
        model: "seedream-4.5",
      },
    },
  },
  generateVideo: {
    method: "POST",
    path: "/v1/seedance/generate",
    status: 202,
    body: { status: "accepted", data: { task_id: "task-1", status: "queued", check_status_url: "/v1/tasks/task-1" } },
  },
  getTaskStatus: {
    method: "GET",
    path: "/v1/tasks/task-1",
    status: 200,
    body: {
      status: "success",
      data: {
        task_id: "task-1",
        status: "processing",
        progress: 45,
        created_at: "2024-01-15T10:30:00Z",
        updated_at: "2024-01-15T10:32:15Z",
      },
    },
  },
  getTaskResult: {
    method: "GET",
    path: "/v1/results/task-1",
    status: 200,
    body: {
      status: "success",
      data: {
        task_id: "task-1",
        status: "completed",
        completed_at: "2024-01-15T10:35:00Z",
        result: { video_url: "https://x/v.mp4" },
      },
    },
  },
};

export function loadFaultMatrix(): FaultMatrix {
  const matrix = JSON.parse(readFileSync(FAULT_MATRIX_FILE, "utf8")) as FaultMatrix;
  const problems = validateFaultMatrix(matrix);
  if (problems.length) throw new Error(`fault-matrix/cases.json is invalid:\n${problems.join("\n")}`);
  return matrix;
}

/** What in the file this server cannot play (each runner checks its own `expect` keys). */
export function validateFaultMatrix(matrix: FaultMatrix): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const fault of matrix.cases) {
    if (ids.has(fault.id)) problems.push(`${fault.id}: duplicate id`);
    ids.add(fault.id);
    if (!fault.answers?.length) problems.push(`${fault.id}: no answers`);
    for (const answer of fault.answers ?? []) {
      if (!(ANSWER_KINDS as readonly string[]).includes(answer.kind)) {
        problems.push(`${fault.id}: unknown answer kind "${answer.kind}"`);
      }
    }
    for (const operation of fault.operations ?? []) {
      if (!SUCCESS[operation]) problems.push(`${fault.id}: unknown operation "${operation}"`);
    }
  }
  return problems;
}

const RATE_LIMIT_HEADERS = () => ({
  "x-request-id": "req_fault",
  "x-ratelimit-limit": "1000",
  "x-ratelimit-remaining": "999",
  "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600),
});

const bombs = new Map<number, Buffer>();

interface Context {
  run: FaultRun;
  ok: { status: number; body: Envelope };
  /** The key as the client sent it (Bearer or X-API-Key). */
  key: string;
  authorization: string;
  /** The client asked for gzip (a gzip answer goes only to such a client, as a server honouring Accept-Encoding does). */
  acceptsGzip: boolean;
  redirectTo: (which: "other-origin" | "same-origin") => string;
}

function headerValues(headers: Record<string, HeaderValue> | undefined, run: FaultRun): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (typeof value === "string") out[name] = value;
    else if ("httpDateInMs" in value) out[name] = new Date(Date.now() + value.httpDateInMs).toUTCString();
    else {
      const reset = Math.floor(Date.now() / 1000) + value.unixSecondsIn;
      out[name] = String(reset);
      if (name === "x-ratelimit-reset") run.announcedResetMs = reset * 1000;
    }
  }
  return out;
}

function send(res: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string>) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(body);
}

function dribble(res: ServerResponse, status: number, text: string, totalMs: number) {
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  const step = Math.max(1, Math.floor(totalMs / text.length));
  let sent = 0;
  const timer = setInterval(() => {
    if (res.destroyed) return clearInterval(timer);
    res.write(text.slice(sent, sent + 1));
    if (++sent >= text.length) {
      clearInterval(timer);
      res.end();
    }
  }, step);
  res.on("close", () => clearInterval(timer));
}

/** One status line, then one header line per interval: each read is quick, the whole answer is not. */
function dripHeaders(res: ServerResponse, text: string, intervalMs: number, lines: number) {
  const socket = res.socket;
  if (!socket) return;
  socket.write("HTTP/1.1 200 OK\r\n");
  let sent = 0;
  const timer = setInterval(() => {
    if (socket.destroyed) return clearInterval(timer);
    socket.write(`x-drip-${sent}: ${sent}\r\n`);
    if (++sent >= lines) {
      clearInterval(timer);
      socket.end(`content-type: application/json\r\ncontent-length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
    }
  }, intervalMs);
  socket.on("close", () => clearInterval(timer));
}

/** A gzip body of `bytes` spaces, made once (at start: compressing blocks the server for a while). */
function bomb(bytes: number): Buffer {
  let compressed = bombs.get(bytes);
  if (!compressed) {
    compressed = gzipSync(Buffer.alloc(bytes, 0x20));
    bombs.set(bytes, compressed);
  }
  return compressed;
}

function largeBody(res: ServerResponse, answer: FaultAnswer, acceptsGzip: boolean) {
  const bytes = answer.bytes ?? 0;
  if (answer.gzip && acceptsGzip) {
    const body = bomb(bytes);
    send(res, 200, body, { "content-encoding": "gzip", "content-length": String(body.length) });
    return;
  }
  res.writeHead(200, {
    "content-type": "application/json",
    ...(answer.contentLength === false ? {} : { "content-length": String(bytes) }),
  });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let left = bytes;
  const pump = () => {
    while (left > 0 && !res.destroyed) {
      const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
      left -= piece.length;
      if (!res.write(piece)) return void res.once("drain", pump);
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

function play(res: ServerResponse, answer: FaultAnswer, context: Context): void {
  const { ok, run } = context;
  const okText = () => JSON.stringify({ ...ok.body, data: { ...ok.body.data, ...answer.data } });
  const headers = () => ({ ...RATE_LIMIT_HEADERS(), ...headerValues(answer.headers, run) });
  switch (answer.kind) {
    case "ok":
      send(res, ok.status, okText(), headers());
      return;
    case "json":
      send(res, answer.status ?? 200, JSON.stringify(answer.body), headers());
      return;
    case "text":
      send(res, answer.status ?? 200, String(answer.body), {
        ...headers(),
        "content-type": answer.contentType ?? "text/plain",
      });
      return;
    case "destroy":
      res.socket?.destroy();
      return;
    case "headers-then-destroy":
      res.writeHead(ok.status, { "content-type": "application/json", "content-length": "4096" });
      res.flushHeaders();
      setTimeout(() => res.socket?.destroy(), 20);
      return;
    case "partial-body-then-destroy": {
      const text = okText();
      res.writeHead(ok.status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
      res.write(text.slice(0, text.length / 2));
      setTimeout(() => res.socket?.destroy(), 20);
      return;
    }
    case "truncated":
      send(res, ok.status, okText().slice(0, answer.length ?? 25), headers());
      return;
    case "stall":
      return;
    case "dribble-body":
      dribble(res, ok.status, okText(), answer.totalMs ?? 300);
      return;
    case "drip-headers":
      dripHeaders(res, okText(), answer.intervalMs ?? 300, answer.lines ?? 10);
      return;
    case "redirect":
      res.writeHead(answer.status ?? 307, { location: context.redirectTo(answer.to ?? "other-origin") });
      res.end();
      return;
    case "large-body":
      largeBody(res, answer, context.acceptsGzip);
      return;
    case "echo-key": {
      const { key, authorization } = context;
      if ((answer.status ?? 401) < 300) {
        send(res, answer.status ?? 200, `upstream saw ${authorization} and ${key}`, {
          ...headers(),
          "content-type": "text/plain",
        });
        return;
      }
      const body = {
        status: "error",
        error: {
          code: "INVALID_API_KEY",
          message: `API key ${key} is invalid or expired (${authorization})`,
          details: { field: "authorization", value: key },
        },
      };
      send(res, answer.status ?? 401, JSON.stringify(body), { ...headers(), "x-echo-key": key });
      return;
    }
    default:
      send(res, 500, JSON.stringify({ error: `unknown answer kind ${answer.kind}` }), {});
      return;
  }
}

export interface FaultServer {
  url: string;
  otherOriginUrl: string;
  run(runId: string): FaultRun;
  stop(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on("end", () => resolve(body));
    req.on("error", () => resolve(body));
  });
}

const PREFIX = /^\/c\/([^/]+)\/([^/]+)(\/.*)$/;

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export async function startFaultServer(matrix: FaultMatrix = loadFaultMatrix()): Promise<FaultServer> {
  const cases = new Map(matrix.cases.map((fault) => [fault.id, fault]));
  for (const answer of matrix.cases.flatMap((fault) => fault.answers)) if (answer.gzip) bomb(answer.bytes ?? 0);
  const runs = new Map<string, FaultRun>();
  const runOf = (id: string) => {
    const run = runs.get(id) ?? { requests: [], otherOrigin: [] };
    runs.set(id, run);
    return run;
  };
  let url = "";
  let otherOriginUrl = "";

  const other = createServer(async (req, res) => {
    const body = await readBody(req);
    const match = PREFIX.exec(req.url ?? "");
    const record = { method: req.method ?? "", path: req.url ?? "", headers: req.headers, body, at: Date.now() };
    runOf(match?.[2] ?? "unknown").otherOrigin.push(record);
    send(res, 200, JSON.stringify({ status: "success", data: {} }), {});
  });

  const main = createServer(async (req, res) => {
    const body = await readBody(req);
    const runsPath = /^\/__runs\/([^/]+)$/.exec(req.url ?? "");
    if (runsPath) return send(res, 200, JSON.stringify(runOf(runsPath[1] as string)), {});
    const match = PREFIX.exec(req.url ?? "");
    const fault = match && cases.get(match[1] as string);
    if (!match || !fault) return send(res, 404, JSON.stringify({ error: `no such case: ${req.url}` }), {});
    const [, caseId, runId, path] = match as unknown as [string, string, string, string];
    const run = runOf(runId);
    run.requests.push({ method: req.method ?? "", path, headers: req.headers, body, at: Date.now() });
    const operation = Object.values(SUCCESS).find(
      (candidate) => candidate.method === req.method && path.startsWith(candidate.path.replace("task-1", "")),
    );
    const authorization = String(req.headers.authorization ?? "");
    const context: Context = {
      run,
      ok: operation ?? { status: 200, body: { status: "success", data: {} } },
      key: authorization.replace(/^Bearer /, "") || String(req.headers["x-api-key"] ?? ""),
      authorization,
      acceptsGzip: /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? "")),
      redirectTo: (which) => `${which === "other-origin" ? otherOriginUrl : url}/c/${caseId}/${runId}${path}`,
    };
    const answer = fault.answers[Math.min(run.requests.length - 1, fault.answers.length - 1)] as FaultAnswer;
    play(res, answer, context);
  });

  [url, otherOriginUrl] = await Promise.all([listen(main), listen(other)]);
  return {
    url,
    otherOriginUrl,
    run: runOf,
    stop: async () => {
      await Promise.all(
        [main, other].map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      );
    },
  };
}
