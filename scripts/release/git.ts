// The commit the spec checks compare against: the last release of @seedance/openapi, i.e. the tag
// `changeset publish` leaves (`@seedance/openapi@1.2.3`). Before the first release there is no
// published contract to break, so the previous commit stands in: every commit is checked on its own,
// which works in a fresh clone where main is the only branch. `RELEASE_BASE=<ref>` overrides both
// (e.g. a pull request's merge base).
import { runOrThrow } from "./exec.ts";
import { root } from "./paths.ts";

export const SPEC_PACKAGE = "@seedance/openapi";

export const git = (...args: string[]) => runOrThrow("git", args, root).trim();

export interface Base {
  ref: string;
  why: string;
}

export function releaseBase(): Base {
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: read by root scripts that turbo does not run.
  const override = process.env.RELEASE_BASE;
  if (override) return { ref: override, why: "RELEASE_BASE" };
  const [tag] = git("tag", "--list", `${SPEC_PACKAGE}@*`, "--sort=-v:refname").split("\n").filter(Boolean);
  if (tag) return { ref: tag, why: `last release of ${SPEC_PACKAGE}` };
  return { ref: "HEAD~1", why: `no release of ${SPEC_PACKAGE} yet: the previous commit` };
}

/** A file's text at a commit, or undefined where it did not exist. */
export function fileAt(ref: string, path: string): string | undefined {
  try {
    return git("show", `${ref}:${path}`);
  } catch {
    return undefined;
  }
}
