// @seedance/codegen: the SDKs' check generators, one compiler and one emitter per language, so a rule
// added to the spec reaches every client by one change.
import { readFile, writeFile } from "node:fs/promises";
import type { Spec } from "./validators/compile.ts";
import { pythonValidators } from "./validators/python.ts";
import { typescriptValidators } from "./validators/typescript.ts";

export { compileSpec, type RuleNode, type Spec } from "./validators/compile.ts";
export { pythonValidators } from "./validators/python.ts";
export { typescriptValidators } from "./validators/typescript.ts";

export const EMITTERS = { typescript: typescriptValidators, python: pythonValidators } as const;
export type Language = keyof typeof EMITTERS;

/** Writes the checks of the bundled spec at `specFile` as a `language` module at `outFile`. */
export async function generateValidators(language: Language, specFile: string, outFile: string): Promise<void> {
  const spec = JSON.parse(await readFile(specFile, "utf8")) as Spec;
  await writeFile(outFile, EMITTERS[language](spec));
}
