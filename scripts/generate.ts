// Generates packages/core/src/generated from the bundled spec: types, SDK operations and the inline
// fetch client with @hey-api/openapi-ts, and the SDK client's request/response checks as plain
// data with our own compiler (@seedance/codegen, which also writes the Python SDK's).
// Run on its own: `node scripts/generate.ts` (bundle the spec first: `node scripts/bundle-spec.ts`).
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createClient } from "@hey-api/openapi-ts";
import { generateValidators } from "@seedance/codegen";

const spec = fileURLToPath(new URL("../spec/dist/openapi.json", import.meta.url));
const output = fileURLToPath(new URL("../packages/core/src/generated", import.meta.url));

// The raw API (`@seedance/core/api`) validates requests with hey-api's valibot schemas; SeedanceClient
// uses the compiled checks, so no browser or edge bundle of it carries valibot's runtime.
const validator = "valibot";

await createClient({
  input: spec,
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

await generateValidators("typescript", spec, `${output}/validators.gen.ts`);
