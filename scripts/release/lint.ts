// The packaging linters, each run on the tarball itself rather than the source folder.

import type { EntryPoint } from "./entry-points.ts";
import type { RunResult } from "./exec.ts";
import { run } from "./exec.ts";
import { bin } from "./paths.ts";

/** publint: `exports`, `files` and `type` agree with what the tarball holds; warnings fail too. */
export function publint(tarball: string, cwd: string): RunResult {
  return run(bin("publint"), ["run", tarball, "--strict"], cwd);
}

/**
 * arethetypeswrong with the esm-only profile (the packages ship no CommonJS, by design). A package
 * whose entry points are data (the spec's JSON and HTML) has no types to be wrong: attw is skipped.
 */
export function attw(tarball: string, entries: readonly EntryPoint[], cwd: string): RunResult | undefined {
  if (!entries.some((entry) => entry.typed)) return undefined;
  return run(bin("attw"), [tarball, "--profile", "esm-only", "--format", "table-flipped", "--no-emoji"], cwd);
}
