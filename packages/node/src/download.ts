// Streams a result (a video or image URL) to a file or a stream, chunk by chunk with backpressure, so
// memory stays flat whatever the size. A connection dropped mid-way resumes with a Range request
// when the server answers it with 206. A file path is written through a temporary file that takes
// the path's name only once complete and verified (download-file.ts); every wait on the host is
// bounded by the call's signal, its deadline and an idle timeout (download-limits.ts).
import { createHash } from "node:crypto";
import { resolve } from "node:path";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  APIConnectionError,
  type ClientOptions,
  errorClassFor,
  SeedanceError,
  sanitizeServerText,
} from "@seedance/edge";
import { DownloadVerificationError } from "./download-errors.js";
import { refuseExisting, TempFile } from "./download-file.js";
import { DownloadLimits } from "./download-limits.js";

export interface DownloadProgress {
  /** Bytes received so far. */
  received: number;
  /** The whole size, when the server tells it. */
  total: number | undefined;
}

export interface DownloadOptions {
  onProgress?: (progress: DownloadProgress) => void;
  signal?: AbortSignal;
  /**
   * Milliseconds for the whole download, resumes included; past it the download fails with
   * `APITimeoutError`. Default: the client's `timeout` when you set one, else 30 minutes.
   */
  timeout?: number;
  /** Milliseconds the host may send nothing (before answering, or between chunks); default 30000. */
  idleTimeout?: number;
  /** How many times a dropped connection is resumed (default 3). */
  maxResumes?: number;
  /** Replace a file (or symlink) already at the destination path; by default it is refused. */
  overwrite?: boolean;
  /** The expected SHA-256 (hex): a download that differs fails with `DownloadVerificationError`, and a file is not saved. */
  sha256?: string;
  /** The task whose result this is: tracing (`@seedance/otel`) links the download to it. */
  taskId?: string;
}

export interface DownloadResult {
  /** Bytes written. */
  bytes: number;
  /** SHA-256 of those bytes, lowercase hex. */
  sha256: string;
}

/**
 * A file path, written only once the download is complete (created, or replaced with `overwrite`),
 * or a Node `Writable` or web `WritableStream`, which is ended when done and destroyed on failure.
 */
export type DownloadDestination = string | Writable | WritableStream<Uint8Array>;

/** The client's fetch: the `fetch` option, or the global one. */
export type Fetch = NonNullable<ClientOptions["fetch"]>;

/** Media hosts are slower than the API and files far larger than its answers (a 4K video of 30 s). */
const DEFAULT_DOWNLOAD_TIMEOUT = 30 * 60_000;
const DEFAULT_IDLE_TIMEOUT = 30_000;

export async function download(
  fetch: Fetch,
  url: string,
  destination: DownloadDestination,
  options: DownloadOptions = {},
): Promise<DownloadResult> {
  const settings = settingsOf(url, options);
  const limits = new DownloadLimits(settings.what, settings);
  try {
    limits.throwIfStopped();
    const transfer = new Transfer(fetch, url, settings, limits);
    if (typeof destination === "string") await toFile(transfer, resolve(destination), settings.overwrite);
    else await toStream(transfer, destination, limits);
    return { bytes: transfer.bytes, sha256: transfer.sha256 };
  } catch (error) {
    throw limits.explain(error);
  } finally {
    limits.dispose();
  }
}

async function toFile(transfer: Transfer, target: string, overwrite: boolean): Promise<void> {
  // Before any request: nothing is fetched for a path that cannot take it.
  if (!overwrite) await refuseExisting(target);
  const temp = await TempFile.beside(target);
  try {
    for await (const chunk of transfer.chunks()) await temp.write(chunk);
    await temp.commit(target, overwrite);
  } catch (error) {
    await temp.discard();
    throw error;
  }
}

async function toStream(
  transfer: Transfer,
  destination: Writable | WritableStream<Uint8Array>,
  limits: DownloadLimits,
) {
  const sink = destination instanceof WritableStream ? Writable.fromWeb(destination) : destination;
  // pipeline ends the sink after the last chunk, destroys it on failure and keeps its errors in the promise.
  await pipeline(transfer.chunks(), sink, { signal: limits.signal });
}

interface Settings {
  /** The URL as errors show it. */
  what: string;
  signal: AbortSignal | undefined;
  timeout: number;
  idleTimeout: number;
  maxResumes: number;
  overwrite: boolean;
  sha256: string | undefined;
  onProgress: DownloadOptions["onProgress"];
}

function settingsOf(url: string, options: DownloadOptions): Settings {
  return {
    what: describe(url),
    signal: options.signal,
    timeout: milliseconds("timeout", options.timeout, DEFAULT_DOWNLOAD_TIMEOUT),
    idleTimeout: milliseconds("idleTimeout", options.idleTimeout, DEFAULT_IDLE_TIMEOUT),
    maxResumes: count("maxResumes", options.maxResumes, 3),
    overwrite: options.overwrite === true,
    sha256: checksum(options.sha256),
    onProgress: options.onProgress,
  };
}

// Timers take at most 2^31 - 1 ms (about 24.8 days); a longer one would fire at once.
const MAX_TIMER = 2 ** 31 - 1;

function milliseconds(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new SeedanceError(`Invalid ${name}: expected a finite number of milliseconds ≥ 0, got ${String(value)}.`);
  }
  return Math.min(value, MAX_TIMER);
}

function count(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new SeedanceError(`Invalid ${name}: expected a whole number ≥ 0, got ${String(value)}.`);
  }
  return value;
}

function checksum(sha256: string | undefined): string | undefined {
  if (sha256 === undefined) return undefined;
  if (typeof sha256 !== "string" || !/^[0-9a-f]{64}$/i.test(sha256)) {
    throw new SeedanceError(`Invalid sha256: expected 64 hexadecimal characters, got ${JSON.stringify(sha256)}.`);
  }
  return sha256.toLowerCase();
}

/**
 * The URL as errors name it: server text, so sanitised, without its query (a signed URL's query is
 * a credential), and cut short.
 */
function describe(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SeedanceError(`Invalid download URL: ${shorten(sanitizeServerText(String(url)))}.`);
  }
  const where =
    parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.origin + parsed.pathname : parsed.protocol;
  return shorten(sanitizeServerText(where));
}

const shorten = (text: string) => (text.length > 200 ? `${text.slice(0, 200)}…` : text);

/** The bytes of one download across its resumes, counted and hashed as they arrive. */
class Transfer {
  bytes = 0;
  sha256 = "";
  readonly #fetch: Fetch;
  readonly #url: string;
  readonly #settings: Settings;
  readonly #limits: DownloadLimits;

  constructor(fetch: Fetch, url: string, settings: Settings, limits: DownloadLimits) {
    this.#fetch = fetch;
    this.#url = url;
    this.#settings = settings;
    this.#limits = limits;
  }

  /** The file's chunks in order; it throws when the host fails, a limit passes or the file does not verify. */
  async *chunks(): AsyncGenerator<Uint8Array> {
    const { what, maxResumes, onProgress } = this.#settings;
    const hash = createHash("sha256");
    let total: number | undefined;
    for (let resumes = 0; ; resumes++) {
      const response = await this.#request(total);
      total ??= announcedSize(response);
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      let ended = false;
      let dropped: unknown;
      try {
        for (;;) {
          let read: ReadableStreamReadResult<Uint8Array>;
          try {
            read = await this.#limits.fromHost(reader.read());
          } catch (error) {
            dropped = error;
            break;
          }
          if (read.done) break;
          this.bytes += read.value.byteLength;
          if (total !== undefined && this.bytes > total) {
            throw new DownloadVerificationError(
              `The download of ${what} sent more than the ${total} bytes its host announced.`,
              "size",
              String(total),
              String(this.bytes),
            );
          }
          hash.update(read.value);
          onProgress?.({ received: this.bytes, total });
          yield read.value;
        }
        ended = true;
      } finally {
        // Left mid-way (the destination failed, or too many bytes): free the connection.
        if (!ended) reader.cancel().catch(() => {});
      }
      this.#limits.throwIfStopped();
      if (dropped === undefined && (total === undefined || this.bytes === total)) {
        this.sha256 = hash.digest("hex");
        this.#verify();
        return;
      }
      if (resumes >= maxResumes || encoded(response)) {
        const of = total === undefined ? "" : ` of ${total}`;
        throw new APIConnectionError(`The download of ${what} dropped after ${this.bytes}${of} bytes.`, {
          cause: dropped,
        });
      }
    }
  }

  #verify(): void {
    const expected = this.#settings.sha256;
    if (expected === undefined || expected === this.sha256) return;
    throw new DownloadVerificationError(
      `The download of ${this.#settings.what} has SHA-256 ${this.sha256}, not the expected ${expected}.`,
      "sha256",
      expected,
      this.sha256,
    );
  }

  /** The first request, or a resume that must be answered with exactly the rest of the same file. */
  async #request(total: number | undefined): Promise<Response> {
    const { what } = this.#settings;
    const offset = this.bytes;
    // Identity, so that sizes and byte ranges count the file's own bytes.
    const headers: Record<string, string> = { "accept-encoding": "identity" };
    if (offset > 0) headers.range = `bytes=${offset}-`;
    let response: Response;
    try {
      response = await this.#limits.fromHost(this.#fetch(this.#url, { headers, signal: this.#limits.signal }));
    } catch (cause) {
      this.#limits.throwIfStopped();
      const reason = sanitizeServerText(cause instanceof Error ? cause.message : String(cause));
      throw new APIConnectionError(`The download of ${what} failed: ${reason}`, { cause });
    }
    // A 206 must be the range asked for (from 0, too, when none was asked for).
    if ((offset > 0 || response.status === 206) && !resumesAt(response, offset, total)) {
      response.body?.cancel().catch(() => {});
      throw new APIConnectionError(
        offset > 0
          ? `The download of ${what} dropped after ${offset} bytes, and its host cannot resume it (HTTP ${response.status} to a Range request).`
          : `The download of ${what} failed: its host answered 206 with a part that does not start at byte 0.`,
      );
    }
    if (!response.ok || !response.body) {
      response.body?.cancel().catch(() => {});
      const ErrorClass = errorClassFor(response.status);
      throw new ErrorClass({
        status: response.status,
        message: `The download of ${what} failed.`,
        headers: response.headers,
      });
    }
    return response;
  }
}

/** A 206 that starts at `offset`, of the same whole size. */
function resumesAt(response: Response, offset: number, total: number | undefined): boolean {
  const range = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(response.headers.get("content-range") ?? "");
  return (
    response.status === 206 &&
    range !== null &&
    Number(range[1]) === offset &&
    (total === undefined || Number(range[2]) === total)
  );
}

/** A compressed answer (sent although identity was asked for) counts and ranges other bytes than it yields. */
function encoded(response: Response): boolean {
  const encoding = response.headers.get("content-encoding");
  return encoding !== null && encoding.toLowerCase() !== "identity";
}

function announcedSize(response: Response): number | undefined {
  if (encoded(response)) return undefined;
  const size =
    response.status === 206
      ? /\/(\d+)$/.exec(response.headers.get("content-range") ?? "")?.[1]
      : response.headers.get("content-length");
  const bytes = size ? Number(size) : Number.NaN;
  return Number.isSafeInteger(bytes) && bytes >= 0 ? bytes : undefined;
}
