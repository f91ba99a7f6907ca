// Generates packages/core/src/generated from the bundled spec with @hey-api/openapi-ts:
// types, SDK operations, the inline fetch client and request/response validators.
// Run on its own: `node scripts/generate.ts` (bundle the spec first: `node scripts/bundle-spec.ts`).
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createClient } from "@hey-api/openapi-ts";

const output = fileURLToPath(new URL("../packages/core/src/generated", import.meta.url));

// Valibot, chosen by measured browser bundle size: the generated SDK with its request validators is
// 7.1 KB min+gzip with valibot and 31.3 KB with zod (esbuild, three operations).
const validator = "valibot";

await createClient({
  input: fileURLToPath(new URL("../spec/dist/openapi.json", import.meta.url)),
  output: {
    path: output,
    header: ["// This file is generated from spec/ by @hey-api/openapi-ts (`pnpm generate`). Do not edit it by hand."],
    module: { extension: ".js" },
    tsConfigPath: fileURLToPath(new URL("../packages/core/tsconfig.json", import.meta.url)),
  },
  logs: { level: "warn" },
  plugins: [
    "@hey-api/client-fetch",
    "@hey-api/typescript",
    { name: validator },
    { name: "@hey-api/sdk", client: false, validator: { request: validator } },
  ],
});

// Mark every valibot call pure so bundlers drop the schemas an app never uses (hey-api emits none).
const schemas = `${output}/valibot.gen.ts`;
writeFileSync(schemas, readFileSync(schemas, "utf8").replace(/\bv\.(\w+)\(/g, "/* @__PURE__ */ v.$1("));
