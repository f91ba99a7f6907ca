// The batch's files on disk: their names, and whether one already there is the one recorded.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { lstat } from "node:fs/promises";
import { join } from "node:path";
import type { BatchItem, OutputFile } from "./records.js";

const DEFAULT_EXTENSION = { image: "png", video: "mp4" } as const;

/** `<output or id>[-n].<ext>`: the extension from the URL's path when it has a plain one. */
export function outputPath(item: BatchItem, url: string, index: number, count: number): string {
  const extension = new URL(url).pathname.match(/\.([a-z0-9]{2,5})$/i)?.[1] ?? DEFAULT_EXTENSION[item.kind];
  return `${item.output ?? item.id}${count > 1 ? `-${index + 1}` : ""}.${extension.toLowerCase()}`;
}

export async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

/** True when the file at `dir/file.path` has the recorded size and SHA-256. */
export async function verified(dir: string, file: OutputFile): Promise<boolean> {
  if (file.sha256 === undefined) return false;
  const path = join(dir, file.path);
  const stat = await lstat(path).catch(() => undefined);
  if (!stat?.isFile() || stat.size !== file.size) return false;
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex") === file.sha256;
}
