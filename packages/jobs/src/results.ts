// DIR/results.jsonl, one line per item, rewritten whole from the journal through a temporary file
// and a rename: a crash while writing it leaves the previous one whole.
import { open, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import type { JobRecord } from "./records.js";

export const RESULTS_FILE = "results.jsonl";

export interface ResultLine {
  id: string;
  state: JobRecord["state"];
  taskId: string | null;
  files: { path: string; size?: number; sha256?: string; url: string }[];
  error: string | null;
}

export const resultLine = (record: JobRecord): ResultLine => ({
  id: record.id,
  state: record.state,
  taskId: record.taskId ?? null,
  files: record.files.map(({ path, size, sha256, url }) => ({ path, size, sha256, url })),
  error: record.lastError ?? null,
});

/** `midway` runs between the two halves of the write (fault-injection tests stop the process there). */
export async function writeResults(dir: string, records: JobRecord[], midway?: () => void): Promise<void> {
  const target = join(dir, RESULTS_FILE);
  const temporary = `${target}.${process.pid}.tmp`;
  const text = records.map((record) => `${JSON.stringify(resultLine(record))}\n`).join("");
  const half = Math.floor(text.length / 2);
  const file = await open(temporary, "w");
  try {
    await file.write(text.slice(0, half));
    midway?.();
    await file.write(text.slice(half));
    await file.sync();
  } catch (error) {
    await file.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await file.close();
  await rename(temporary, target);
}
