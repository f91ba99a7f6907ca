// The README's mapping tables restate limits and enums of the spec; this keeps them equal to it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { schemas } from "@seedance/core/api";
import { expect, it } from "vitest";
import { IMAGE_RESOLUTIONS, MAX_IMAGES_PER_CALL, VIDEO_RESOLUTIONS } from "../src/spec.js";

const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8");
const row = (start: string) => readme.split("\n").find((line) => line.startsWith(`| ${start} |`)) ?? "";
const codes = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1]);

it("states the spec's num_images maximum", () => {
  expect(row("`n`")).toContain(`spec's maximum (${MAX_IMAGES_PER_CALL})`);
});

it("lists exactly the spec's WxH image resolutions as sizes", () => {
  const sizes = codes(row("`size`")).filter((code) => /^\d+x\d+$/.test(code ?? ""));
  expect(sizes).toEqual(IMAGE_RESOLUTIONS.filter((resolution) => /^\d+x\d+$/.test(resolution)));
});

it("maps sizes by height onto exactly the spec's `…p` video resolutions", () => {
  const named = codes(row("`resolution`")).filter((code) => /^\d+p$/.test(code ?? ""));
  expect(named).toEqual(VIDEO_RESOLUTIONS.filter((resolution) => /^\d+p$/.test(resolution)));
});

it("names only resolutions the spec has in providerOptions examples", () => {
  const examples = readme.match(/`resolution` \(e\.g\. `([^`]+)`/g)?.map((text) => text.split("`")[3]) ?? [];
  expect(examples.length).toBeGreaterThan(0);
  for (const example of examples) expect([...IMAGE_RESOLUTIONS, ...VIDEO_RESOLUTIONS]).toContain(example);
});

it("states the spec's duration range", () => {
  const pipe: readonly { type: string; requirement?: unknown }[] =
    schemas.vVideoGenerationRequest.entries.duration.pipe;
  const bound = (type: string) => pipe.find((action) => action.type === type)?.requirement;
  expect(row("`duration`")).toContain(`${bound("min_value")}–${bound("max_value")} s`);
});
