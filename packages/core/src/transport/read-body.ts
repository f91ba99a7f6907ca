// Reads a byte stream from outside (a response, a request, a download) within a size limit, so an
// oversized or endless body costs at most the limit, whatever its headers announced.

/**
 * The stream's bytes, or `undefined` as soon as they prove longer than `maxBytes`: the stream is
 * then cancelled, which closes its connection. Counted as the stream yields them, so after
 * decompression for a fetch body. Aborting `signal` (e.g. on a read deadline) cancels the stream and
 * rejects with its reason.
 */
export async function readAtMost(
  stream: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  signal?: AbortSignal,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  signal?.throwIfAborted();
  // A stream's chunks are never views of a SharedArrayBuffer.
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  if (stream) {
    const reader = stream.getReader();
    const cancel = () => reader.cancel().catch(() => {});
    // A cancel ends a pending read as `done`: the check after the loop tells that from a real end.
    signal?.addEventListener("abort", cancel);
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > maxBytes) return void cancel();
        chunks.push(value as Uint8Array<ArrayBuffer>);
      }
    } finally {
      signal?.removeEventListener("abort", cancel);
    }
    signal?.throwIfAborted();
  }
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(size);
  size = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, size);
    size += chunk.byteLength;
  }
  return bytes;
}
