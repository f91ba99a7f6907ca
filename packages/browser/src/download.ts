// Downloads a result (a video or image URL) into a Blob, reading the body chunk by chunk so the
// caller can show progress. No API headers are sent: result URLs are public CDN links, and an
// Authorization header would both leak the key to another origin and force a CORS preflight.
import { AbortError, APIConnectionError, APIError, errorClassFor, ResponseTooLargeError } from "@seedance/core";

export interface DownloadProgress {
  /** Bytes received so far. */
  loaded: number;
  /** The body's size when the server announces it (Content-Length, uncompressed), else undefined. */
  total: number | undefined;
}

export interface DownloadOptions {
  onProgress?: (progress: DownloadProgress) => void;
  signal?: AbortSignal;
  /**
   * The most bytes read into the Blob (default 2 GiB, about what a tab holds); a larger body fails
   * with `ResponseTooLargeError` once past it, and the connection is closed.
   */
  maxBytes?: number;
}

export async function downloadBlob(
  fetch: (url: string, init: RequestInit) => Promise<Response>,
  url: string | URL,
  options: DownloadOptions = {},
): Promise<Blob> {
  const { onProgress, signal, maxBytes = 2 ** 31 } = options;
  try {
    const response = await fetch(String(url), { signal: signal ?? null });
    if (!response.ok) {
      await response.body?.cancel();
      const ErrorClass = errorClassFor(response.status);
      throw new ErrorClass({ status: response.status, message: "The download failed.", headers: response.headers });
    }
    const total = announcedLength(response.headers);
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    let loaded = 0;
    const reader = response.body?.getReader();
    while (reader) {
      const { done, value } = await reader.read();
      if (done) break;
      loaded += value.byteLength;
      if (loaded > maxBytes) {
        await reader.cancel();
        throw new ResponseTooLargeError(maxBytes, response.status, "maxBytes");
      }
      chunks.push(value);
      onProgress?.({ loaded, total });
    }
    return new Blob(chunks, { type: response.headers.get("content-type") ?? "" });
  } catch (cause) {
    if (signal?.aborted) throw new AbortError("The download was aborted by its signal.", { cause });
    if (cause instanceof APIError || cause instanceof ResponseTooLargeError) throw cause;
    throw new APIConnectionError(`The download failed: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  }
}

// A compressed body's Content-Length counts the wire bytes, not the bytes the reader yields.
function announcedLength(headers: Headers): number | undefined {
  if (headers.has("content-encoding")) return undefined;
  const length = Number(headers.get("content-length") ?? Number.NaN);
  return Number.isSafeInteger(length) && length >= 0 ? length : undefined;
}
