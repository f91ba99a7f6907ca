// The release check's rules for what a package tells the registry and its users: license, where the
// code and its issues live, links that work on the registry's page, the Node versions it really
// needs, the peers it plugs into, and no internal notes in published text. Each rule is a pure
// function returning the problems it found (none: ok), so the rules are tested on fixtures.

export const REPOSITORY = "https://github.com/seedance/seedance-sdk";
/** The license every package declares, and the root LICENSE file grants. */
export const LICENSE = "MIT";

/** Framework packages a package plugs into: they must be peers, so the user's copy is the one used. */
export const REQUIRED_PEERS: Record<string, readonly string[]> = {
  "@seedance/ai-sdk": ["ai"],
};

export interface PackageManifest {
  name: string;
  private?: boolean;
  license?: string;
  homepage?: string;
  bugs?: string | { url?: string };
  repository?: string | { type?: string; url?: string; directory?: string };
  files?: string[];
  engines?: { node?: string };
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  exports?: unknown;
  bin?: unknown;
}

/** Whether the package ships code Node runs (the spec package ships only documents). */
const runsOnNode = (manifest: PackageManifest) =>
  manifest.bin !== undefined || /\.[cm]?js"/.test(JSON.stringify(manifest.exports ?? {}));

/** `folder` is the package's path from the repository root ("" for the root itself). */
export function manifestProblems(manifest: PackageManifest, folder: string): string[] {
  const problems: string[] = [];
  if (manifest.license !== LICENSE) problems.push(`"license" must be "${LICENSE}" (the root LICENSE file)`);
  const repository = typeof manifest.repository === "string" ? { url: manifest.repository } : manifest.repository;
  if (repository?.url !== `git+${REPOSITORY}.git`) {
    problems.push(`"repository.url" must be "git+${REPOSITORY}.git"`);
  }
  if (folder !== "" && repository?.directory !== folder) problems.push(`"repository.directory" must be "${folder}"`);
  if (!manifest.homepage?.startsWith(`${REPOSITORY}`)) problems.push(`"homepage" must be a page under ${REPOSITORY}`);
  const bugs = typeof manifest.bugs === "string" ? manifest.bugs : manifest.bugs?.url;
  if (bugs !== `${REPOSITORY}/issues`) problems.push(`"bugs.url" must be "${REPOSITORY}/issues"`);
  if (manifest.private) return problems;
  if (!manifest.files?.includes("LICENSE")) problems.push(`"files" must include "LICENSE"`);
  if (runsOnNode(manifest) && manifest.engines?.node === undefined)
    problems.push(`"engines.node" must say which Node versions it supports`);
  for (const peer of REQUIRED_PEERS[manifest.name] ?? []) {
    const range = manifest.peerDependencies?.[peer];
    if (range === undefined || range === "*") problems.push(`"${peer}" must be a peer dependency with a version range`);
  }
  return problems;
}

/** The files a tarball must hold, given its entries' paths (without tar's `package/` prefix). */
export function tarballProblems(files: readonly string[]): string[] {
  return ["LICENSE", "README.md"].filter((file) => !files.includes(file)).map((file) => `the tarball has no ${file}`);
}

/**
 * Links the registry's page cannot follow: relative ones (`../edge`, `docs/x.md`). In-page anchors
 * (`#usage`) and absolute URLs work there.
 */
export function relativeLinkProblems(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");
  const targets = [
    ...[...withoutCode.matchAll(/\]\(\s*<?([^)\s>]+)/g)].map((match) => match[1] as string),
    ...[...withoutCode.matchAll(/\b(?:href|src)="([^"]+)"/g)].map((match) => match[1] as string),
  ];
  return targets
    .filter((target) => !/^(?:[a-z][a-z0-9+.-]*:|#)/i.test(target))
    .map((target) => `relative link "${target}": use ${REPOSITORY}/tree/main/… so it works on the registry's page`);
}

/** Internal decision notes ("*Decision:* …"), which belong in comments, not in published text. */
export function decisionNoteProblems(text: string): string[] {
  return [...text.matchAll(/\*{0,2}Decision:\*{0,2}[^\n]{0,60}/g)].map(
    (match) => `internal note in published text: "${match[0]}"`,
  );
}

type Version = readonly [number, number, number];

/** The lowest version a range admits (`>=22.12`, `^20.19.0 || >=22.12.0`, `22.x`); undefined for `*`. */
export function lowestVersion(range: string): Version | undefined {
  const lows = range
    .split("||")
    .map((alternative) => /(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?/.exec(alternative))
    .filter((match) => match !== null)
    .map((match) => [1, 2, 3].map((i) => Number.parseInt(match[i] ?? "0", 10) || 0) as unknown as Version);
  return lows.sort(compareVersions)[0];
}

function compareVersions(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

export interface DependencyEngines {
  name: string;
  node?: string;
}

/** A package must not admit a Node that one of its run-time dependencies refuses. */
export function enginesProblems(engines: string | undefined, dependencies: readonly DependencyEngines[]): string[] {
  const own = engines === undefined ? undefined : lowestVersion(engines);
  if (own === undefined) return [];
  return dependencies.flatMap(({ name, node }) => {
    const needed = node === undefined ? undefined : lowestVersion(node);
    if (needed === undefined || compareVersions(own, needed) >= 0) return [];
    return [`"engines.node" is "${engines}", but ${name} needs Node ${node}: raise it to ">=${needed.join(".")}"`];
  });
}

/**
 * The root README opens with what a user does: after the set-up block, the install lines for both
 * languages, the quickstart and the sandbox, all before the repository's own material (`## Layout`).
 */
export function rootReadmeProblems(markdown: string): string[] {
  const userPart = markdown.split(/^## Layout$/m)[0] ?? "";
  const wanted: [RegExp, string][] = [
    [/^npm install seedance-sdk\b/m, "the line `npm install seedance-sdk`"],
    [/^pip install seedance-sdk\b/m, "the line `pip install seedance-sdk`"],
    [/waitForCompletion\(/, "the quickstart"],
    [/sandbox/i, "the sandbox"],
  ];
  return wanted
    .filter(([pattern]) => !pattern.test(userPart))
    .map(([, what]) => `the root README must show ${what} before its contributor material (## Layout)`);
}

/** The Python README tells a user how to try the client without a key: the sandbox. */
export function pythonReadmeProblems(markdown: string): string[] {
  return /sandbox/i.test(markdown) ? [] : ["the Python README must say how to try it against the sandbox"];
}
