// The pending changesets (.changeset/*.md, not yet consumed by `changeset version`) and the bump
// each gives a package, read from their front matter (`"@seedance/openapi": minor`).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "./paths.ts";

export type Bump = "major" | "minor" | "patch";

export interface PendingBump {
  file: string;
  bump: Bump;
}

const changesetDir = join(root, ".changeset");

export function pendingBumps(packageName: string): PendingBump[] {
  return readdirSync(changesetDir)
    .filter((file) => file.endsWith(".md") && file !== "README.md")
    .flatMap((file) => {
      const bump = frontMatter(readFileSync(join(changesetDir, file), "utf8")).get(packageName);
      return bump ? [{ file: `.changeset/${file}`, bump }] : [];
    });
}

function frontMatter(text: string): Map<string, Bump> {
  const block = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? "";
  const bumps = new Map<string, Bump>();
  for (const line of block.split("\n")) {
    const match = /^\s*["']?([^"':]+)["']?\s*:\s*(major|minor|patch)\s*$/.exec(line);
    if (match?.[1] && match[2]) bumps.set(match[1], match[2] as Bump);
  }
  return bumps;
}
