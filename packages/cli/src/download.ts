// `--out DIR`: results are streamed into DIR by the SDK's `download`, each named after its URL.
// The name is the server's, so it is reduced to a safe base name, made distinct within the command
// (`name.png`, `name-2.png`), and never replaces what is already in DIR (a symlink included, which
// is never followed) unless --overwrite.
import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import { type SeedanceClient, sanitizeServerText } from "@seedance/node";
import type { Context } from "./context.ts";

export interface SavedFile {
  path: string;
  bytes: number;
}

/** Where `--out` saves, and whether `--overwrite` lets it replace what is there. */
export interface SaveFlags {
  out?: string;
  overwrite?: boolean;
}

export interface Result {
  url: string;
  /** The file name when the URL's path has none. */
  fallback: string;
}

/**
 * Saves every result into `out` and prints the files saved. When one fails, the others still
 * finish and are printed, and then the first failure is thrown.
 */
export async function saveAll(
  context: Context,
  client: SeedanceClient,
  results: readonly Result[],
  { out: dir, overwrite = false }: Required<Pick<SaveFlags, "out">> & SaveFlags,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  const names = distinct(
    results.map(({ url, fallback }) => safeName(lastSegment(url)) || safeName(fallback) || "download"),
  );
  const outcomes = await Promise.allSettled(
    results.map(async ({ url }, index): Promise<SavedFile> => {
      const path = resolve(dir, names[index] as string);
      const { bytes } = await client.download(url, path, { signal: context.signal, overwrite });
      return { path, bytes };
    }),
  );
  const files = outcomes.flatMap((outcome) => (outcome.status === "fulfilled" ? [outcome.value] : []));
  if (files.length > 0) context.output.print({ files }, files.map(describeFile));
  const failed = outcomes.find((outcome) => outcome.status === "rejected");
  if (failed) throw failed.reason;
}

const describeFile = (file: SavedFile): string => `saved ${file.path} (${file.bytes} bytes)`;

/** The last part of the URL's path, decoded; "" for none (the download itself reports a bad URL). */
function lastSegment(url: string): string {
  if (!URL.canParse(url)) return "";
  const segment = new URL(url).pathname.split("/").pop() ?? "";
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

// Path separators, and what Windows forbids in a name.
const UNSAFE = /[/\\<>:"|?*\t\n]/g;
const MAX_NAME_BYTES = 200;

/**
 * A name that stays in its folder: no separators, controls or leading dots (so never `.` or `..`,
 * nor a hidden file), no trailing dots or spaces, at most 200 bytes with its extension kept; "" if
 * nothing is left.
 */
export function safeName(name: string): string {
  const safe = sanitizeServerText(name)
    .replace(UNSAFE, "_")
    .replace(/^[\s.]+|[\s.]+$/g, "");
  return Buffer.byteLength(safe) <= MAX_NAME_BYTES ? safe : shorten(safe);
}

/** Cut to MAX_NAME_BYTES, whole characters only, keeping a short extension. */
function shorten(name: string): string {
  let [stem, extension] = split(name);
  if (extension.length > 16) [stem, extension] = [name, ""];
  let budget = MAX_NAME_BYTES - Buffer.byteLength(extension);
  let kept = "";
  for (const character of stem) {
    budget -= Buffer.byteLength(character);
    if (budget < 0) break;
    kept += character;
  }
  return kept + extension;
}

/** `name.png`, `name-2.png`, `name-3.png`…: no two alike, whatever the file system's case rules. */
export function distinct(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
      const [stem, extension] = split(name);
      candidate = `${stem}-${n}${extension}`;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/** `["name", ".png"]`; a name without a dot past its first character has no extension. */
function split(name: string): [string, string] {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
}
