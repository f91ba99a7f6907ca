// The release check's metadata rules (scripts/release/metadata.ts), each shown failing on a fixture
// that lacks what it asks for, and passing on one that has it.
import { describe, expect, it } from "vitest";
import {
  decisionNoteProblems,
  enginesProblems,
  lowestVersion,
  manifestProblems,
  type PackageManifest,
  pythonReadmeProblems,
  REPOSITORY,
  relativeLinkProblems,
  rootReadmeProblems,
  tarballProblems,
} from "../../../scripts/release/metadata.ts";

const complete: PackageManifest = {
  name: "@seedance/ai-sdk",
  license: "MIT",
  homepage: `${REPOSITORY}/tree/main/packages/ai-sdk#readme`,
  bugs: { url: `${REPOSITORY}/issues` },
  repository: { type: "git", url: `git+${REPOSITORY}.git`, directory: "packages/ai-sdk" },
  files: ["dist", "README.md", "LICENSE"],
  engines: { node: ">=22" },
  exports: { ".": { default: "./dist/index.js" } },
  peerDependencies: { ai: "^7.0.0" },
};

describe("manifestProblems", () => {
  it("passes a complete manifest", () => {
    expect(manifestProblems(complete, "packages/ai-sdk")).toEqual([]);
  });

  it.each([
    ["license", /"license" must be "MIT"/],
    ["repository", /"repository\.url"/],
    ["homepage", /"homepage"/],
    ["bugs", /"bugs\.url"/],
    ["engines", /"engines\.node"/],
    ["files", /"files" must include "LICENSE"/],
    ["peerDependencies", /"ai" must be a peer dependency/],
  ] as const)("fails without %s", (field, problem) => {
    const { [field]: _missing, ...rest } = complete;
    expect(manifestProblems(rest as PackageManifest, "packages/ai-sdk")).toContainEqual(expect.stringMatching(problem));
  });

  it("fails a repository without the package's directory", () => {
    const manifest = { ...complete, repository: { type: "git", url: `git+${REPOSITORY}.git` } };
    expect(manifestProblems(manifest, "packages/ai-sdk")).toEqual([
      expect.stringMatching(/"repository\.directory" must be "packages\/ai-sdk"/),
    ]);
  });

  it("fails an unbounded peer range", () => {
    const manifest = { ...complete, peerDependencies: { ai: "*" } };
    expect(manifestProblems(manifest, "packages/ai-sdk")).toHaveLength(1);
  });

  it("asks a private package for the links and license only", () => {
    const { files: _f, engines: _e, peerDependencies: _p, ...links } = complete;
    const repository = { type: "git", url: `git+${REPOSITORY}.git`, directory: "packages/testkit" };
    const manifest: PackageManifest = { ...links, name: "@seedance/testkit", private: true, repository };
    expect(manifestProblems(manifest, "packages/testkit")).toEqual([]);
    const { homepage: _h, ...withoutHomepage } = manifest;
    expect(manifestProblems(withoutHomepage, "packages/testkit")).toEqual([expect.stringMatching(/"homepage"/)]);
  });

  it("does not ask a package of documents only for engines", () => {
    const { engines: _e, exports: _x, ...rest } = complete;
    const documents = { ...rest, name: "@seedance/openapi", exports: { "./openapi.json": "./dist/openapi.json" } };
    expect(manifestProblems(documents, "packages/ai-sdk")).toEqual([]);
  });
});

describe("tarballProblems", () => {
  it("asks for LICENSE and README.md", () => {
    expect(tarballProblems(["package.json", "README.md", "LICENSE", "dist/index.js"])).toEqual([]);
    expect(tarballProblems(["package.json", "README.md", "dist/index.js"])).toEqual(["the tarball has no LICENSE"]);
  });
});

describe("relativeLinkProblems", () => {
  it("finds relative links, in Markdown and HTML, but not in code", () => {
    const readme = [
      "See [`@seedance/edge`](../edge) and [the example](../../examples/node-script#run).",
      '<img src="docs/bar.png"> [usage](#usage) [site](https://example.com)',
      "```md\n[not a link](../core)\n```",
    ].join("\n");
    expect(relativeLinkProblems(readme)).toEqual([
      expect.stringContaining('"../edge"'),
      expect.stringContaining('"../../examples/node-script#run"'),
      expect.stringContaining('"docs/bar.png"'),
    ]);
  });

  it("passes absolute links and anchors", () => {
    expect(relativeLinkProblems(`[edge](${REPOSITORY}/tree/main/packages/edge) [usage](#usage)`)).toEqual([]);
  });
});

describe("decisionNoteProblems", () => {
  it("finds an internal decision note", () => {
    expect(decisionNoteProblems("Envelope.\n\n*Decision:* the product page shows bare examples")).toHaveLength(1);
    expect(decisionNoteProblems('{"description":"**Decision:** x"}')).toHaveLength(1);
    expect(decisionNoteProblems("The envelope is the contract.")).toEqual([]);
  });
});

describe("enginesProblems", () => {
  it("reads the lowest version a range admits", () => {
    expect(lowestVersion(">=22.12")).toEqual([22, 12, 0]);
    expect(lowestVersion("^20.19.0 || >=22.12.0")).toEqual([20, 19, 0]);
    expect(lowestVersion("*")).toBeUndefined();
  });

  it("fails a package that admits a Node one of its dependencies refuses", () => {
    const dependencies = [
      { name: "ai@7.0.173", node: ">=22" },
      { name: "@stoplight/prism-cli@5.16.0", node: ">=24.18.0" },
      { name: "no-engines@1.0.0" },
    ];
    expect(enginesProblems(">=22", dependencies)).toEqual([
      expect.stringContaining('@stoplight/prism-cli@5.16.0 needs Node >=24.18.0: raise it to ">=24.18.0"'),
    ]);
    expect(enginesProblems(">=24.18", dependencies)).toEqual([]);
  });
});

describe("the READMEs a user reads first", () => {
  const user =
    "```sh\nnpm install seedance-sdk\npip install seedance-sdk\n```\nawait client.task.waitForCompletion(id)\nThe sandbox.\n";

  it("passes a root README that opens with install, quickstart and sandbox", () => {
    expect(rootReadmeProblems(`# SDK\n${user}## Layout\n`)).toEqual([]);
  });

  it("fails one whose install lines come only after the contributor material", () => {
    expect(rootReadmeProblems(`# SDK\nContributor notes.\n## Layout\n${user}`)).toHaveLength(4);
    expect(rootReadmeProblems(`# SDK\n${user.replace("pip install seedance-sdk\n", "")}## Layout\n`)).toEqual([
      expect.stringContaining("pip install seedance-sdk"),
    ]);
  });

  it("asks the Python README for the sandbox", () => {
    expect(pythonReadmeProblems("pip install seedance-sdk")).toHaveLength(1);
    expect(pythonReadmeProblems("Run `pnpm sandbox`.")).toEqual([]);
  });
});
