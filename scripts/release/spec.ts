// The spec package as of a commit (or as it is in the work tree): its version and its bundled document,
// bundled with the same Redocly as scripts/bundle-spec.ts, since spec/dist is not committed.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runOrThrow } from "./exec.ts";
import { fileAt } from "./git.ts";
import { root } from "./paths.ts";

/** A commit, or undefined for the work tree. */
export type Revision = string | undefined;

const specDir = join(root, "spec");
// As in scripts/bundle-spec.ts: no telemetry, no update check.
const REDOCLY_QUIET = { REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" };

export function specVersion(revision: Revision): string | undefined {
  const text = revision ? fileAt(revision, "spec/package.json") : readFileSync(join(specDir, "package.json"), "utf8");
  return text ? (JSON.parse(text) as { version: string }).version : undefined;
}

export function bundledSpec(revision: Revision): Record<string, unknown> {
  const scratch = mkdtempSync(join(tmpdir(), "seedance-spec-"));
  try {
    let sources = specDir;
    if (revision) {
      // `git archive` rather than a checkout: the work tree (and others' edits in it) stays untouched.
      runOrThrow("sh", ["-c", `git archive "$1" spec | tar -x -C "$2"`, "sh", revision, scratch], root);
      sources = join(scratch, "spec");
    }
    const output = join(scratch, "out", "openapi.json");
    mkdirSync(join(scratch, "out"));
    const redocly = join(specDir, "node_modules", ".bin", "redocly");
    runOrThrow(redocly, ["bundle", "openapi.yaml", "--output", output], sources, REDOCLY_QUIET);
    return JSON.parse(readFileSync(output, "utf8"));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
