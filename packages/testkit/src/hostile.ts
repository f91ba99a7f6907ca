// Answers that misbehave on purpose, for the hostile-server suites (the SDK's, the CLI's, the fault
// matrix the Python client shares): bodies too large to hold, bodies that never end, compression
// bombs, drips, cross-origin redirects. Each is a `Script` for `startScriptedServer`; the body ones
// count what they managed to push, so a test can show the client stopped reading early. And a sender
// that misbehaves: `slowlorisPost`, for servers (webhook receivers, proxies).
import type { ServerResponse } from "node:http";
import { connect } from "node:net";
import { gzipSync } from "node:zlib";
import type { Script } from "./scripted-server.ts";

/** What a body-pushing answer has written, and whether the client hung up before the end. */
export interface Pushed {
  bytes: number;
  cutByClient: boolean;
}

export const pushed = (): Pushed => ({ bytes: 0, cutByClient: false });

const MiB = 1024 * 1024;
const FILLER = Buffer.alloc(MiB, " ");

export interface BodyOptions {
  /** Default 200. */
  status?: number;
  /** The body's length; `Infinity` for one that never ends. */
  total: number;
  /** The Content-Length to announce (the real length, or a lie); none means chunked. */
  announce?: number;
  /**
   * Stop pushing after this many bytes and hold the connection open (default 256 MiB): a client
   * without a limit then fails on its memory check instead of exhausting the machine.
   */
  stallAfter?: number;
  headers?: Record<string, string>;
  /** The bytes repeated to make the body (default 1 MiB of spaces). */
  chunk?: Buffer;
}

/** An answer (200 by default) whose body is `total` bytes of filler, pushed as fast as the client reads it. */
export function largeBody(counter: Pushed, options: BodyOptions): Script {
  return (_, response) => {
    const headers: Record<string, string> = { "content-type": "application/json", ...options.headers };
    if (options.announce !== undefined) headers["content-length"] = String(options.announce);
    response.writeHead(options.status ?? 200, headers);
    push(response, counter, options);
  };
}

function push(response: ServerResponse, counter: Pushed, options: BodyOptions): void {
  const { total, chunk = FILLER, stallAfter = 256 * MiB } = options;
  response.on("close", () => {
    if (!response.writableFinished) counter.cutByClient = true;
  });
  const write = () => {
    while (!response.destroyed) {
      if (counter.bytes >= total) return void response.end();
      if (counter.bytes >= stallAfter) return; // held open until the client or the test closes it
      const piece = total - counter.bytes < chunk.length ? chunk.subarray(0, total - counter.bytes) : chunk;
      counter.bytes += piece.length;
      if (!response.write(piece)) return void response.once("drain", write);
    }
  };
  write();
}

/**
 * A 200 with `Content-Encoding: gzip` whose body inflates to `inflatesTo` bytes of spaces (1 MiB of
 * gzip members per GiB): small on the wire, enormous once decompressed.
 */
export function gzipBomb(counter: Pushed, inflatesTo: number): Script {
  const member = gzipSync(FILLER);
  return largeBody(counter, {
    total: member.length * Math.ceil(inflatesTo / MiB),
    chunk: member,
    headers: { "content-encoding": "gzip" },
  });
}

/** A 200 that announces a small JSON body and sends it one byte every `intervalMs`. */
export function drippingBody(counter: Pushed, intervalMs: number): Script {
  return (_, response) => {
    const text = Buffer.from(JSON.stringify({ status: "success", data: { task_id: "task-1", status: "queued" } }));
    response.writeHead(200, { "content-type": "application/json", "content-length": String(text.length) });
    const timer = setInterval(() => {
      if (response.destroyed || counter.bytes >= text.length) return clearInterval(timer);
      response.write(text.subarray(counter.bytes, ++counter.bytes));
      if (counter.bytes === text.length) response.end();
    }, intervalMs);
    response.on("close", () => {
      clearInterval(timer);
      if (!response.writableFinished) counter.cutByClient = true;
    });
  };
}

/** A redirect to `location` (another origin, in the suites), as a server that moved, or an attacker's. */
export function redirectTo(status: 301 | 302 | 303 | 307 | 308, location: string): Script {
  return (_, response) => {
    response.writeHead(status, { location, "content-type": "text/plain" });
    response.end(`Moved to ${location}`);
  };
}

export interface Slowloris {
  /** The status the server answered with, if it answered. */
  status: number | undefined;
  /** Everything the server sent. */
  response: string;
  /** When the server closed the connection, in ms from the start; `undefined` if it held on past `giveUpAfterMs`. */
  closedAfterMs: number | undefined;
}

/**
 * POSTs to `url` as a slowloris sender does: the headers at once (announcing `contentLength` body
 * bytes), then one byte every `intervalMs`, never finishing. Resolves once the server closes the
 * connection, or after `giveUpAfterMs`.
 */
export function slowlorisPost(
  url: string,
  options: {
    headers?: Record<string, string>;
    contentLength?: number;
    intervalMs?: number;
    giveUpAfterMs?: number;
  } = {},
): Promise<Slowloris> {
  const { headers = {}, contentLength = 1000, intervalMs = 100, giveUpAfterMs = 20_000 } = options;
  const { hostname, port, pathname, search } = new URL(url);
  const started = Date.now();
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let response = "";
    const lines = Object.entries({ ...headers, host: `${hostname}:${port}`, "content-length": String(contentLength) });
    socket.write(
      `POST ${pathname}${search} HTTP/1.1\r\n${lines.map(([name, value]) => `${name}: ${value}\r\n`).join("")}\r\n`,
    );
    const drip = setInterval(() => socket.writable && socket.write("{"), intervalMs);
    const finish = (closedAfterMs: number | undefined) => {
      clearInterval(drip);
      clearTimeout(giveUp);
      socket.destroy();
      const status = /^HTTP\/1\.1 (\d{3})/.exec(response)?.[1];
      resolve({ status: status === undefined ? undefined : Number(status), response, closedAfterMs });
    };
    const giveUp = setTimeout(() => finish(undefined), giveUpAfterMs);
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      response += chunk;
    });
    socket.on("error", () => {}); // a reset is a close too
    socket.on("close", () => finish(Date.now() - started));
  });
}
