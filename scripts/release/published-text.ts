// What a tarball holds, read back from the tarball itself: its file list and its text files.
import { mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { runOrThrow } from "./exec.ts";

export interface Unpacked {
  /** Paths inside the package (tar's `package/` prefix removed). */
  files: string[];
  /** The text of each file that is text (by extension). */
  text(file: string): string | undefined;
}

const TEXT = /\.(?:md|json|ya?ml|html|[cm]?js|d\.[cm]?ts|ts|txt)$/;

export function unpack(tarball: string, into: string): Unpacked {
  mkdirSync(into, { recursive: true });
  runOrThrow("tar", ["-xzf", tarball, "-C", into], into);
  const base = join(into, "package");
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(relative(base, path));
    }
  };
  walk(base);
  return { files, text: (file) => (TEXT.test(file) ? readFileSync(join(base, file), "utf8") : undefined) };
}
