// Bundles the split spec (spec/openapi.yaml and the files it $refs) into one
// spec/dist/openapi.json and openapi.yaml, derives the OpenAPI 3.0.3 copy
// (spec/dist/openapi-3.0.json and .yaml) for generators that read only 3.0, and renders the
// self-contained HTML reference (it works offline). Run on its own: `node scripts/bundle-spec.ts`.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const specDir = fileURLToPath(new URL("../spec/", import.meta.url));
const redocly = fileURLToPath(new URL("../spec/node_modules/.bin/redocly", import.meta.url));
// The converter is the spec package's build dependency, so it resolves from there.
const { Converter } = createRequire(`${specDir}package.json`)("@apiture/openapi-down-convert") as {
  Converter: new (document: object) => { convert(): Record<string, unknown> };
};

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

type Info = { summary?: string; description?: string; license?: { name: string; identifier?: string } };

/**
 * The 3.0.3 copy: the converter rewrites the 3.1-only constructs (`examples` arrays in schemas,
 * `const`, type arrays) and drops `webhooks` (3.0 has none; their payload schemas stay in
 * `components`). The post-step handles what it leaves behind or loses in `info`: 3.0 has no
 * `summary` (it moves to the front of `description`), and the license's SPDX `identifier`, which
 * the converter deletes, becomes the SPDX page as the license `url` 3.0 expects.
 */
function downConvert(openapi31: { info: Info }): Record<string, unknown> {
  const openapi30 = new Converter(openapi31).convert();
  const { summary, ...info } = openapi30.info as Info;
  const spdx = openapi31.info.license?.identifier;
  openapi30.info = {
    ...info,
    ...(summary && { description: `${summary}\n\n${info.description ?? ""}` }),
    ...(info.license && spdx && { license: { ...info.license, url: `https://spdx.org/licenses/${spdx}.html` } }),
  };
  return openapi30;
}

mkdirSync(`${specDir}dist`, { recursive: true });
redoclyRun("bundle", "openapi.yaml", "--output", "dist/openapi.json");
redoclyRun("bundle", "openapi.yaml", "--output", "dist/openapi.yaml");
const openapi31 = JSON.parse(readFileSync(`${specDir}dist/openapi.json`, "utf8"));
writeFileSync(`${specDir}dist/openapi-3.0.json`, `${JSON.stringify(downConvert(openapi31), null, 2)}\n`);
redoclyRun("bundle", "dist/openapi-3.0.json", "--output", "dist/openapi-3.0.yaml");
// --inlineBundle: Redoc's script goes into the page, which otherwise loads it from Redocly's CDN and
// renders nothing past the introduction offline.
redoclyRun("build-docs", "dist/openapi.json", "--output", "dist/reference.html", "--inlineBundle");
// The one thing the inlined Redoc still fetches: its "API docs by Redocly" logo, from cdn.redoc.ly.
// The attribution stays, as text drawn in place, so the page makes no request to another host.
const REDOCLY_LOGO = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="16"><text x="0" y="12" font-size="12" font-family="sans-serif">Redocly</text></svg>',
)}`;
const reference = readFileSync(`${specDir}dist/reference.html`, "utf8").replace(
  /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g,
  REDOCLY_LOGO,
);
writeFileSync(`${specDir}dist/reference.html`, reference);
console.log("spec bundled: spec/dist/openapi.json, openapi.yaml, openapi-3.0.json, openapi-3.0.yaml, reference.html");
