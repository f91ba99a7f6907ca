// Bundles the split spec (spec/openapi.yaml and the files it $refs) into one
// spec/dist/openapi.json and openapi.yaml, and renders the offline HTML reference.
// Run on its own: `node scripts/bundle-spec.ts`.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const specDir = fileURLToPath(new URL("../spec/", import.meta.url));
const redocly = fileURLToPath(new URL("../spec/node_modules/.bin/redocly", import.meta.url));

function redoclyRun(...args: string[]): void {
  // Output is captured, not shown: redocly prints banners on success; on failure the thrown error carries it.
  execFileSync(redocly, args, {
    cwd: specDir,
    stdio: "pipe",
    timeout: 120_000,
    killSignal: "SIGKILL",
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
  });
}

mkdirSync(`${specDir}dist`, { recursive: true });
redoclyRun("bundle", "openapi.yaml", "--output", "dist/openapi.json");
redoclyRun("bundle", "openapi.yaml", "--output", "dist/openapi.yaml");
redoclyRun("build-docs", "dist/openapi.json", "--output", "dist/reference.html");
console.log("spec bundled: spec/dist/openapi.json, openapi.yaml, reference.html");
