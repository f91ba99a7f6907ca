// --inline-images: the generated images small enough to send as image content. The media host is
// outside the API's origin and may be hostile or broken: no credentials are sent, each body is read
// incrementally and dropped as soon as it passes maxBytes (whatever Content-Length says), the reads
// of one call share one deadline, and only bytes that are an image by their signature are sent on.
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";

type Content = CallToolResult["content"][number];

export interface InlineImageOptions {
  /** Images larger than this many bytes stay links only. */
  maxBytes: number;
  /** The images of one call must all arrive within this many milliseconds (default 10000); later ones stay links. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** The image types an MCP client can show, by their first bytes (the server's `format` is only a claim). */
const SIGNATURES: [mimeType: string, matches: (bytes: Uint8Array) => boolean][] = [
  ["image/png", (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((byte, i) => b[i] === byte)],
  ["image/jpeg", (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ["image/gif", (b) => /^GIF8[79]a/.test(Buffer.from(b.subarray(0, 6)).toString("latin1"))],
  [
    "image/webp",
    (b) =>
      Buffer.from(b.subarray(0, 4)).toString("latin1") === "RIFF" &&
      Buffer.from(b.subarray(8, 12)).toString("latin1") === "WEBP",
  ],
];

const mimeTypeOf = (bytes: Uint8Array) => SIGNATURES.find(([, matches]) => matches(bytes))?.[0];

/** The body at `url`, or undefined when it is larger than `maxBytes`; never reads more than that. */
async function readAtMost(url: string, maxBytes: number, signal: AbortSignal): Promise<Uint8Array | undefined> {
  if (!/^https?:$/.test(new URL(url).protocol)) return undefined;
  const response = await fetch(url, { signal });
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (!response.ok || !response.body || declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    return undefined;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return Buffer.concat(chunks);
      size += value.byteLength;
      if (size > maxBytes) return undefined;
      chunks.push(value);
    }
  } finally {
    // Past the limit, or on an error or the deadline, this closes the connection: nothing more is read.
    await reader.cancel().catch(() => {});
  }
}

interface WireImage {
  url?: unknown;
  size_bytes?: unknown;
}

/** The generated images (`data.images`) that fit, as image content; each other one as a line with its link. */
export async function inlineImages(
  data: unknown,
  options: InlineImageOptions,
  signal: AbortSignal,
): Promise<Content[]> {
  const images = ((data as { images?: WireImage[] }).images ?? []).filter((image) => typeof image.url === "string");
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]);
  const blocks = images.map(async (image): Promise<Content> => {
    const url = image.url as string;
    const announced = typeof image.size_bytes === "number" ? image.size_bytes : 0;
    const bytes =
      announced <= options.maxBytes
        ? await readAtMost(url, options.maxBytes, deadline).catch(() => undefined)
        : undefined;
    const mimeType = bytes && mimeTypeOf(bytes);
    if (bytes && mimeType) return { type: "image", data: Buffer.from(bytes).toString("base64"), mimeType };
    return {
      type: "text",
      text: `Not inlined (over ${options.maxBytes} bytes, not an image, or not read within ${timeoutMs} ms): ${url}`,
    };
  });
  return Promise.all(blocks);
}
