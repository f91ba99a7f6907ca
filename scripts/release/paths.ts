// Where the release tooling lives: the repository root and the binaries of the private
// @seedance/release-tools package (publint, attw, tsc, typedoc, api-smart-diff), so the root needs no
// extra devDependencies.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const releaseToolsDir = join(root, "packages", "release-tools");

export const bin = (name: "publint" | "attw" | "tsc" | "typedoc") =>
  join(releaseToolsDir, "node_modules", ".bin", name);

/** Loads a library the root does not depend on (e.g. api-smart-diff) from @seedance/release-tools. */
export const releaseToolsRequire = createRequire(join(releaseToolsDir, "package.json"));
