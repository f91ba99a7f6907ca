// `pnpm release:check`: everything `pnpm release` does short of publishing. Packs every publishable
// package, lints each tarball (publint, attw), installs them all into a clean consumer outside the
// workspace, loads every entry point with `import` and `require`, and type-checks the consumer under
// the bundler, node16 and nodenext resolutions; checks every package's metadata (license, repository,
// homepage, bugs, engines, peers; LICENSE in each tarball, absolute README links, no internal notes
// in published text: scripts/release/metadata.ts). Prints a table and exits 1 if any check failed.
// Expects built packages: the root script runs `pnpm build` first.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { createConsumer } from "./release/consumer.ts";
import { entryPoints } from "./release/entry-points.ts";
import { run, runOrThrow } from "./release/exec.ts";
import { runtimeDependencies } from "./release/installed.ts";
import { attw, publint } from "./release/lint.ts";
import {
  decisionNoteProblems,
  enginesProblems,
  manifestProblems,
  type PackageManifest,
  pythonReadmeProblems,
  relativeLinkProblems,
  rootReadmeProblems,
  tarballProblems,
} from "./release/metadata.ts";
import { pack } from "./release/pack.ts";
import { publishablePackages, workspacePackages } from "./release/packages.ts";
import { bin, root } from "./release/paths.ts";
import { unpack } from "./release/published-text.ts";
import { cell, formatTable, type Row } from "./release/table.ts";
import { RESOLUTIONS, type Resolution, typecheckConsumer } from "./release/typecheck.ts";

interface Load {
  specifier: string;
  import: string;
  require: string;
}

const scratch = mkdtempSync(join(tmpdir(), "seedance-release-check-"));
const failures: string[] = [];

/** The metadata rules for one package; `tarball` is given for the published ones. */
function metadataVerdict(dir: string, manifest: PackageManifest, tarball?: string): string {
  const problems = manifestProblems(manifest, relative(root, dir));
  if (tarball !== undefined) {
    const unpacked = unpack(tarball, join(scratch, "unpacked", manifest.name));
    problems.push(...tarballProblems(unpacked.files));
    problems.push(...relativeLinkProblems(unpacked.text("README.md") ?? ""));
    for (const file of unpacked.files) {
      problems.push(...decisionNoteProblems(unpacked.text(file) ?? "").map((problem) => `${file}: ${problem}`));
    }
    problems.push(...enginesProblems(manifest.engines?.node, runtimeDependencies(dir)));
  }
  return problems.length === 0 ? "ok" : problems.join("\n");
}

try {
  const readmes = [
    ...rootReadmeProblems(readFileSync(join(root, "README.md"), "utf8")),
    ...pythonReadmeProblems(readFileSync(join(root, "packages", "python", "README.md"), "utf8")),
  ];
  if (readmes.length > 0) failures.push(`READMEs:\n${readmes.join("\n")}`);
  // The API reference: every published package, 0 warnings (typedoc.json makes them errors), and
  // no parameter TypeDoc can only call `__namedParameters`.
  const apiDocs = join(scratch, "api-reference.json");
  const typedoc = run(bin("typedoc"), ["--json", apiDocs, "--out", join(scratch, "api-reference")], root);
  if (!typedoc.ok) failures.push(`TypeDoc (pnpm run docs):\n${typedoc.output.trim()}`);
  else if (readFileSync(apiDocs, "utf8").includes("__namedParameters")) {
    failures.push("TypeDoc: a documented function or constructor destructures its parameter; give it a name");
  }
  for (const pkg of workspacePackages().filter(({ manifest }) => manifest.private)) {
    const verdict = metadataVerdict(pkg.dir, pkg.manifest as PackageManifest);
    if (verdict !== "ok") failures.push(`${pkg.name} — metadata:\n${verdict}`);
  }
  const tarballDir = join(scratch, "tarballs");
  const consumerDir = join(scratch, "consumer");
  mkdirSync(tarballDir);
  mkdirSync(consumerDir);

  const packed = publishablePackages().map((pkg) => ({
    name: pkg.name,
    dir: pkg.dir,
    manifest: pkg.manifest,
    entries: entryPoints(pkg.manifest),
    tarball: pack(pkg, tarballDir),
  }));
  console.log(`packed ${packed.map(({ name }) => name).join(", ")}`);

  createConsumer(consumerDir, Object.fromEntries(packed.map(({ name, tarball }) => [name, tarball.path])));
  const allEntries = packed.flatMap(({ entries }) => entries);
  const probeOutput = runOrThrow(process.execPath, ["probe.ts", JSON.stringify(allEntries)], consumerDir);
  const loads = JSON.parse(probeOutput.trim().split("\n").at(-1) ?? "[]") as Load[];
  const types = typecheckConsumer(consumerDir, Object.fromEntries(packed.map(({ name, entries }) => [name, entries])));

  const rows: Row[] = packed.map(({ name, dir, manifest, entries, tarball }) => {
    const verdict = (column: string, result: string | undefined) => {
      if (result !== undefined && result !== "ok") failures.push(`${name} — ${column}:\n${result.trim()}`);
      return cell(result);
    };
    const attwResult = attw(tarball.path, entries, scratch);
    const mine = loads.filter((load) => entries.some((entry) => entry.specifier === load.specifier));
    const firstFailure = (mode: "import" | "require") => {
      const failed = mine.find((load) => load[mode] !== "ok");
      return failed ? `${failed.specifier}: ${failed[mode]}` : "ok";
    };
    const typeCells = Object.fromEntries(
      (Object.keys(RESOLUTIONS) as Resolution[]).map((mode) => [
        `types:${mode}`,
        verdict(`types:${mode}`, types[name]?.[mode]),
      ]),
    );
    return {
      name,
      bytes: tarball.bytes,
      cells: {
        metadata: verdict("metadata", metadataVerdict(dir, manifest as PackageManifest, tarball.path)),
        publint: verdict("publint", outcome(publint(tarball.path, scratch))),
        attw: verdict("attw", attwResult && outcome(attwResult)),
        import: verdict("import", firstFailure("import")),
        require: verdict("require", firstFailure("require")),
        ...typeCells,
      },
    };
  });

  console.log(`\n${formatTable(rows)}\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

function outcome({ ok, output }: { ok: boolean; output: string }): string {
  return ok ? "ok" : output;
}

if (failures.length > 0) {
  console.error(`${failures.length} check(s) failed:\n\n${failures.join("\n\n")}`);
  process.exit(1);
}
console.log("release check passed");
