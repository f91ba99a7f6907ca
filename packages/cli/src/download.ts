// `--out DIR`: results are streamed into DIR by the SDK's `download`, named after their URL.
import { mkdir } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import type { SeedanceClient } from "@seedance/node";

export interface SavedFile {
  path: string;
  bytes: number;
}

export interface SaveOptions {
  /** The file name when the URL's path has none. */
  fallback: string;
  signal: AbortSignal;
}

/** Saves `url` as DIR/<last segment of the URL's path>. */
export async function saveTo(
  client: SeedanceClient,
  url: string,
  dir: string,
  options: SaveOptions,
): Promise<SavedFile> {
  await mkdir(dir, { recursive: true });
  const path = resolve(join(dir, basename(new URL(url).pathname) || options.fallback));
  const { bytes } = await client.download(url, path, { signal: options.signal });
  return { path, bytes };
}

export const describeFile = (file: SavedFile): string => `saved ${file.path} (${file.bytes} bytes)`;
