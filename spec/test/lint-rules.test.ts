// The project's Spectral rules each fail on a copy of the bundled spec broken in the way they
// guard against, and pass on the real one (run `pnpm build` first).
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";

const specDir = fileURLToPath(new URL("../", import.meta.url));
const spectral = join(specDir, "node_modules/.bin/spectral");
const work = mkdtempSync(join(tmpdir(), "spec-lint-"));
after(() => rmSync(work, { recursive: true, force: true }));

type Spec = Record<string, any>;
const bundled = (): Spec => JSON.parse(readFileSync(join(specDir, "dist/openapi.json"), "utf8"));

/** Lints `document` with `ruleset`; resolves to the codes of the problems found. */
function lint(document: Spec, ruleset = ".spectral.yaml"): Promise<string[]> {
  const file = join(work, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(document));
  const args = [
    "lint",
    "--quiet",
    "--format=json",
    "--fail-severity=warn",
    `--ruleset=${join(specDir, ruleset)}`,
    file,
  ];
  return new Promise((resolve, reject) => {
    execFile(spectral, args, { timeout: 60_000, killSignal: "SIGKILL" }, (error, stdout, stderr) => {
      if (error?.killed || (error && !stdout.trim().startsWith("[")))
        reject(new Error(`${spectral} ${args.join(" ")}\n${stderr}${stdout}`));
      else resolve((JSON.parse(stdout) as { code: string }[]).map((problem) => problem.code));
    });
  });
}

test("the bundled spec and its 3.0 copy pass", async () => {
  assert.deepEqual(await lint(bundled()), []);
  const openapi30 = JSON.parse(readFileSync(join(specDir, "dist/openapi-3.0.json"), "utf8"));
  assert.deepEqual(await lint(openapi30, ".spectral-3.0.yaml"), []);
});

test("webhook-tag: a webhook sharing an operations' tag fails", async () => {
  const spec = bundled();
  spec.webhooks["task.completed"].post.tags = ["Tasks"];
  assert.deepEqual(await lint(spec), ["webhook-tag"]);
});

test("operation-tag-not-webhooks: an operation tagged Webhooks fails", async () => {
  const spec = bundled();
  spec.paths["/v1/tasks/{task_id}"].get.tags = ["Webhooks"];
  assert.deepEqual(await lint(spec), ["operation-tag-not-webhooks"]);
});

test("enum-varnames: values that are not identifiers need names and descriptions", async () => {
  const spec = bundled();
  delete spec.components.schemas.VideoModel["x-enum-varnames"];
  delete spec.components.schemas.ImageModel["x-enum-descriptions"];
  spec.components.schemas.VideoResolution["x-enum-varnames"] = ["VIDEO_720P", "VIDEO_1080P", "video-4k"];
  assert.deepEqual(await lint(spec), ["enum-varnames", "enum-varnames", "enum-varnames"]);
});

test("enum-names-unique: two enums giving a value the same name fail", async () => {
  const spec = bundled();
  spec.components.schemas.VideoResolution["x-enum-varnames"] = ["VIDEO_720P", "VIDEO_1080P", "IMAGE_4K"];
  assert.deepEqual(await lint(spec), ["enum-names-unique"]);
});
