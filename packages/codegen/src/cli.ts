#!/usr/bin/env node
// `node packages/codegen/src/cli.ts <typescript|python> <spec.json> <out>`: writes one language's checks.
import { EMITTERS, generateValidators, type Language } from "./index.ts";

const [language, specFile, outFile] = process.argv.slice(2);
if (!language || !(language in EMITTERS) || !specFile || !outFile) {
  console.error(`usage: seedance-codegen <${Object.keys(EMITTERS).join("|")}> <spec.json> <out file>`);
  process.exit(2);
}
await generateValidators(language as Language, specFile, outFile);
