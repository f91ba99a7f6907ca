// Reads a byte stream from outside (a response, a request, a download) within a size limit, so an
// oversized or endless body costs at most the limit, whatever its headers announced.

/**
 * The stream's bytes, or `undefined` as soon as they prove longer than `maxBytes`: the stream is
 * then cancelled, which closes its connection. Counted as the stream yields them, so after
 * decompression for a fetch body. Rejects with `signal`'s reason when it aborts (the stream is
 * cancelled too), e.g. on a read deadline.
 */
export async function readAtMost(
  stream: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  signal?: AbortSignal,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (!stream) return new Uint8Array();
  const reader = stream.getReader();
  // Cancelling ends a pending read as `done`; the check after the loop tells that from a real end.
  const cancel = () => void reader.cancel(signal?.reason).catch(() => {});
  if (signal?.aborted) cancel();
  else signal?.addEventListener("abort", cancel, { once: true });
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        return undefined;
      }
      chunks.push(value);
    }
  } finally {
    signal?.removeEventListener("abort", cancel);
  }
  if (signal?.aborted) throw signal.reason;
  // A stream's chunks are never views of a SharedArrayBuffer.
  if (chunks.length === 1) return chunks[0] as Uint8Array<ArrayBuffer>;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
