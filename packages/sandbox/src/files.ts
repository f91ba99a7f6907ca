// The sandbox's own "CDN": generated files kept in memory and served with Content-Length and
// single byte ranges (206), so resumable downloads can be tested.
import type { IncomingMessage, ServerResponse } from "node:http";

export const MEDIA_PREFIX = "/media/";

const CONTENT_TYPES: Record<string, string> = { png: "image/png", mp4: "video/mp4" };

export class FileStore {
  readonly #files = new Map<string, Buffer>();
  readonly #baseUrl: () => string;

  /** `baseUrl` is read when a file is added: the server's port is known only once it listens. */
  constructor(baseUrl: () => string) {
    this.#baseUrl = baseUrl;
  }

  /** Stores `bytes` as `name` (e.g. `videos/task-1.mp4`) and returns its download URL. */
  add(name: string, bytes: Buffer): string {
    this.#files.set(name, bytes);
    return `${this.#baseUrl()}${MEDIA_PREFIX}${name}`;
  }

  serve(request: IncomingMessage, response: ServerResponse, pathname: string): void {
    const file = this.#files.get(pathname.slice(MEDIA_PREFIX.length));
    if (!file || (request.method !== "GET" && request.method !== "HEAD")) {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("Not found\n");
      return;
    }
    const range = parseRange(request.headers.range, file.length);
    if (range === "unsatisfiable") {
      response.writeHead(416, { "Content-Range": `bytes */${file.length}` }).end();
      return;
    }
    const [start, end] = range ?? [0, file.length - 1];
    response.writeHead(range ? 206 : 200, {
      "Content-Type": CONTENT_TYPES[pathname.split(".").pop() ?? ""] ?? "application/octet-stream",
      "Content-Length": end - start + 1,
      "Accept-Ranges": "bytes",
      ...(range ? { "Content-Range": `bytes ${start}-${end}/${file.length}` } : {}),
    });
    response.end(request.method === "HEAD" ? undefined : file.subarray(start, end + 1));
  }
}

/** A single `bytes=` range as inclusive offsets; `undefined` for none or one we ignore (RFC 9110 allows that). */
function parseRange(header: string | undefined, size: number): [number, number] | "unsatisfiable" | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? "");
  if (!match || (match[1] === "" && match[2] === "")) return undefined;
  const [first, last] = [match[1] ?? "", match[2] ?? ""];
  const start = first === "" ? Math.max(0, size - Number(last)) : Number(first);
  const end = first === "" || last === "" ? size - 1 : Math.min(Number(last), size - 1);
  return start > end || start >= size ? "unsatisfiable" : [start, end];
}
