// `pnpm check:changeset`: a change to the spec since the base (release/git.ts: the last release of
// @seedance/openapi, else the previous commit) needs a pending changeset that bumps
// @seedance/openapi, so that every API change is released and lands in spec/CHANGELOG.md.
import { pendingBumps } from "./release/changesets.ts";
import { git, releaseBase, SPEC_PACKAGE } from "./release/git.ts";
import { specVersion } from "./release/spec.ts";

// Built output, and what `changeset version` itself writes, are not changes to the API.
const NOT_THE_API = /^spec\/(dist\/|CHANGELOG\.md$|package\.json$)/;

const base = releaseBase();
const changed = [
  ...git("diff", "--name-only", base.ref, "--", "spec").split("\n"),
  ...git("ls-files", "--others", "--exclude-standard", "--", "spec").split("\n"),
].filter((path) => path && !NOT_THE_API.test(path));

const baseVersion = specVersion(base.ref);
const currentVersion = specVersion(undefined);
const bumps = pendingBumps(SPEC_PACKAGE);

console.log(`base: ${base.ref} (${base.why})`);
if (changed.length === 0) {
  console.log("no change to the spec: no changeset needed");
} else if (bumps.length > 0) {
  console.log(
    `${changed.length} spec file(s) changed; covered by ${bumps.map((b) => `${b.file} (${b.bump})`).join(", ")}`,
  );
} else if (baseVersion !== currentVersion) {
  // The version commit: `changeset version` has consumed the changesets into a new version.
  console.log(`${changed.length} spec file(s) changed; already versioned ${baseVersion} → ${currentVersion}`);
} else {
  console.error(
    `The spec changed since ${base.ref} without a changeset for ${SPEC_PACKAGE}:\n  ${changed.join("\n  ")}\n` +
      `Run \`pnpm changeset\`, select ${SPEC_PACKAGE} (major for a breaking change) and describe the API change.`,
  );
  process.exit(1);
}
