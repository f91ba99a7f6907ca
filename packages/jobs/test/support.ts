// Shared by the chaos tests: a mixed batch file, the child that runs it, and the checks of what the
// sandbox counted and served.
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Sandbox } from "@seedance/sandbox";
import { type Finished, startProcess } from "@seedance/testkit";
import { expect } from "vitest";

export const FIXTURE = join(import.meta.dirname, "fixtures", "batch-child.ts");

/** `n` requests: mostly images (some with two), one in five a video, a few that hit a 503 first. */
export function mixedLines(n: number, tag: string): { id: string; prompt: string; files: number }[] {
  return Array.from({ length: n }, (_, index) => {
    const id = `${tag}-${index}`;
    if (index % 5 === 0) return { id, prompt: `${tag} video ${index}`, files: 1 };
    return { id, prompt: `${tag} image ${index}${index % 17 === 1 ? " [busy]" : ""}`, files: index % 7 === 3 ? 2 : 1 };
  });
}

export async function writeBatch(path: string, lines: ReturnType<typeof mixedLines>): Promise<void> {
  const body = lines.map(({ id, prompt, files }, index) =>
    JSON.stringify(
      index % 5 === 0
        ? { id, prompt, model: "seedance-1.0", duration: 5 }
        : { id, prompt, model: "seedream-3.0", ...(files > 1 ? { num_images: files } : {}) },
    ),
  );
  await writeFile(path, `${body.join("\n")}\n`);
}

/** Runs the child to its end (or its own SIGKILL); resolves with how it ended. */
export async function runChild(env: Record<string, string>, timeoutMs = 60_000): Promise<Finished> {
  const child = startProcess(process.execPath, [FIXTURE], {
    env: { ...process.env, ...env },
    timeoutMs,
  });
  return child.finished.catch((error: { result?: Finished }) => {
    if (!error.result) throw error;
    return error.result;
  });
}

export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

interface ResultFile {
  path: string;
  sha256: string;
  size: number;
  url: string;
}

/**
 * Every item done, once: results.jsonl lists each with its files; each file on disk hashes as the
 * sandbox serves it; the sandbox made exactly one image set or task per item.
 */
export async function expectEveryItemDoneOnce(
  sandbox: Sandbox,
  out: string,
  lines: ReturnType<typeof mixedLines>,
): Promise<void> {
  const results = (await readFile(join(out, "results.jsonl"), "utf8"))
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { id: string; state: string; files: ResultFile[]; error: string | null });
  expect(results.map(({ id }) => id)).toEqual(lines.map(({ id }) => id));
  for (const [index, result] of results.entries()) {
    expect(result, result.id).toMatchObject({ state: "done", error: null });
    expect(result.files, result.id).toHaveLength(lines[index]?.files ?? 0);
    for (const file of result.files) {
      const onDisk = await readFile(join(out, file.path));
      const served = new Uint8Array(await (await fetch(file.url)).arrayBuffer());
      expect(sha256(onDisk), file.path).toBe(sha256(served));
      expect(file.sha256, file.path).toBe(sha256(served));
    }
  }
  const made = new Map<string, number>();
  for (const { prompt } of sandbox.stats().generations) made.set(prompt, (made.get(prompt) ?? 0) + 1);
  const twice = [...made].filter(([, count]) => count !== 1);
  expect(twice, "prompts the sandbox generated more than once").toEqual([]);
  expect(made.size).toBe(lines.length);
}
