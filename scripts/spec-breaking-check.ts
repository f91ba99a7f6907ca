// `pnpm check:breaking`: diffs the bundled spec against the base's (release/git.ts: the last release
// of @seedance/openapi, else the previous commit) with api-smart-diff, which classifies each change as
// breaking or not for clients (webhook payloads included, see release/webhooks-as-responses.ts). A breaking change fails unless it is marked: a pending changeset bumps
// @seedance/openapi major, or the version already moved to a new major (the `changeset version` commit).
import { pendingBumps } from "./release/changesets.ts";
import { releaseBase, SPEC_PACKAGE } from "./release/git.ts";
import { releaseToolsRequire } from "./release/paths.ts";
import { bundledSpec, specVersion } from "./release/spec.ts";
import { webhooksAsResponses } from "./release/webhooks-as-responses.ts";

/** The part of api-smart-diff's API used here (it lives in @seedance/release-tools, not the root). */
interface Diff {
  type: "breaking" | "non-breaking" | "annotation" | "unclassified" | "deprecated";
  description?: string;
  path: (string | number)[];
}
const { apiCompare } = releaseToolsRequire("api-smart-diff") as {
  apiCompare(before: unknown, after: unknown): { diffs: Diff[] };
};

const base = releaseBase();
const { diffs } = apiCompare(webhooksAsResponses(bundledSpec(base.ref)), webhooksAsResponses(bundledSpec(undefined)));
const describe = (diff: Diff) =>
  `  [${diff.type}] ${diff.description ?? "changed"} (${diff.path.slice(0, 3).join(" ")})`;

console.log(`base: ${base.ref} (${base.why}); ${diffs.length} change(s)`);
for (const diff of diffs) console.log(describe(diff));

// A change to a shared schema is reported at each use and in components: any of them counts.
const breaking = diffs.filter((diff) => diff.type === "breaking");
const major = (version: string | undefined) => Number(version?.split(".")[0]);
const marked =
  pendingBumps(SPEC_PACKAGE).some(({ bump }) => bump === "major") ||
  major(specVersion(undefined)) > major(specVersion(base.ref));

if (breaking.length === 0) {
  console.log("no breaking change");
} else if (marked) {
  console.log(`${breaking.length} breaking change(s), marked by a major bump of ${SPEC_PACKAGE}`);
} else {
  console.error(
    `${breaking.length} unmarked breaking change(s) since ${base.ref}. Make the change compatible, or mark it: ` +
      `a changeset that bumps ${SPEC_PACKAGE} major (\`pnpm changeset\`), saying what clients must change.`,
  );
  process.exit(1);
}
