// Streams a result (a video or image URL) to disk or a stream, chunk by chunk with backpressure, so
// memory stays flat whatever the size; a connection dropped mid-way resumes with a Range request
// when the server answers it with 206.
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { AbortError, APIConnectionError, type ClientOptions, SeedanceError } from "@seedance/edge";

export interface DownloadProgress {
  /** Bytes written so far. */
  received: number;
  /** The whole size, when the server tells it. */
  total: number | undefined;
}

export interface DownloadOptions {
  onProgress?: (progress: DownloadProgress) => void;
  signal?: AbortSignal;
  /** How many times a dropped connection is resumed (default 3). */
  maxResumes?: number;
}

/** A file path (created or truncated), a Node `Writable` or a web `WritableStream`; it is ended when done. */
export type DownloadDestination = string | Writable | WritableStream<Uint8Array>;

/** The client's fetch: the `fetch` option, or the global one. */
export type Fetch = NonNullable<ClientOptions["fetch"]>;

export async function download(
  fetch: Fetch,
  url: string,
  destination: DownloadDestination,
  options: DownloadOptions = {},
): Promise<{ bytes: number }> {
  const sink = openSink(destination);
  try {
    const bytes = await transfer(fetch, url, sink, options);
    sink.end();
    await finished(sink);
    return { bytes };
  } catch (error) {
    sink.destroy();
    // A half-written file is worse than none.
    if (typeof destination === "string") await rm(destination, { force: true });
    throw error;
  }
}

function openSink(destination: DownloadDestination): Writable {
  if (typeof destination === "string") return createWriteStream(destination);
  return destination instanceof WritableStream ? Writable.fromWeb(destination) : destination;
}

async function transfer(fetch: Fetch, url: string, sink: Writable, options: DownloadOptions): Promise<number> {
  const maxResumes = options.maxResumes ?? 3;
  let received = 0;
  let total: number | undefined;
  for (let resumes = 0; ; resumes++) {
    const response = await request(fetch, url, received, options.signal);
    total ??= totalSize(response);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let dropped: unknown;
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        dropped = error;
        break;
      }
      if (chunk.done) return received;
      if (!sink.write(chunk.value)) await once(sink, "drain");
      received += chunk.value.byteLength;
      options.onProgress?.({ received, total });
    }
    if (options.signal?.aborted) throw new AbortError("The download was aborted.", { cause: options.signal.reason });
    if (resumes >= maxResumes) {
      throw new APIConnectionError(`Download of ${url} dropped after ${received} bytes.`, { cause: dropped });
    }
  }
}

/** The first request, or a resume from `offset` that must be answered with exactly the rest. */
async function request(fetch: Fetch, url: string, offset: number, signal: AbortSignal | undefined) {
  const headers = offset > 0 ? { Range: `bytes=${offset}-` } : undefined;
  let response: Response;
  try {
    response = await fetch(url, { headers, signal: signal ?? null });
  } catch (cause) {
    if (signal?.aborted) throw new AbortError("The download was aborted.", { cause });
    throw new APIConnectionError(`Download of ${url} failed: ${(cause as Error).message}`, { cause });
  }
  const resumed = response.status === 206 && rangeStart(response) === offset;
  if (offset > 0 && !resumed) {
    throw new APIConnectionError(`Download of ${url} dropped after ${offset} bytes and the server cannot resume it.`);
  }
  if (!response.ok || !response.body) throw new SeedanceError(`Download of ${url} failed: HTTP ${response.status}.`);
  return response;
}

function rangeStart(response: Response): number | undefined {
  const start = /^bytes (\d+)-/.exec(response.headers.get("content-range") ?? "")?.[1];
  return start === undefined ? undefined : Number(start);
}

function totalSize(response: Response): number | undefined {
  const size =
    response.status === 206
      ? /\/(\d+)$/.exec(response.headers.get("content-range") ?? "")?.[1]
      : response.headers.get("content-length");
  return size ? Number(size) : undefined;
}
