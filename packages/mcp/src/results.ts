// Tool results an agent can use: a text block listing the ids, URLs and states first (then the
// whole data as JSON), and the same data as structuredContent.
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";

type Content = CallToolResult["content"][number];

/** Leaf fields worth a line of their own: ids, URLs and where the task stands. */
const HEADLINE = /(^|_)(id|url|status|progress|error_message)$/;

function headlines(value: unknown, path: string, lines: string[]): string[] {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) headlines(item, `${path}[${index}]`, lines);
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) headlines(item, path ? `${path}.${key}` : key, lines);
  } else if (HEADLINE.test(path.split(".").at(-1) ?? "")) lines.push(`${path}: ${String(value)}`);
  return lines;
}

export function successResult(data: unknown, extra: Content[] = []): CallToolResult {
  const text = [...headlines(data, "", []), "", JSON.stringify(data, null, 2)].join("\n");
  return {
    content: [{ type: "text", text }, ...extra],
    structuredContent: data as Record<string, unknown>,
  };
}

export interface InlineImageOptions {
  /** Images larger than this many bytes stay links only. */
  maxBytes: number;
}

interface WireImage {
  url?: unknown;
  format?: unknown;
  size_bytes?: unknown;
}

/** Reads `url` unless it is (or turns out to be) larger than `maxBytes`. */
async function fetchSmall(url: string, maxBytes: number, signal: AbortSignal): Promise<Uint8Array | undefined> {
  const response = await fetch(url, { signal });
  const length = Number(response.headers.get("content-length") ?? Number.NaN);
  if (!response.ok || length > maxBytes) {
    await response.body?.cancel();
    return undefined;
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  return bytes.byteLength <= maxBytes ? bytes : undefined;
}

/** The generated images (`data.images`) that fit `maxBytes`, as image content; others are skipped with a note. */
export async function inlineImages(
  data: unknown,
  options: InlineImageOptions,
  signal: AbortSignal,
): Promise<Content[]> {
  const images = ((data as { images?: WireImage[] }).images ?? []).filter((image) => typeof image.url === "string");
  const content: Content[] = [];
  for (const image of images) {
    const url = image.url as string;
    const small = typeof image.size_bytes !== "number" || image.size_bytes <= options.maxBytes;
    const bytes = small ? await fetchSmall(url, options.maxBytes, signal).catch(() => undefined) : undefined;
    if (bytes) {
      const mimeType = `image/${typeof image.format === "string" ? image.format : "png"}`;
      content.push({ type: "image", data: Buffer.from(bytes).toString("base64"), mimeType });
    } else {
      content.push({ type: "text", text: `Not inlined (over ${options.maxBytes} bytes or unreadable): ${url}` });
    }
  }
  return content;
}
