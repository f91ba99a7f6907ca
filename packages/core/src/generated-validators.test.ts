// The checks compiled from the spec (generated/validators.gen.ts, by @seedance/codegen): each
// constraint reports the server's details, and response checks stay forward compatible. The
// compiler's own tests are @seedance/codegen's.
import { describe, expect, it } from "vitest";
import { operations as specOperations } from "../test/contract/spec-operations.ts";
import { OPERATIONS } from "./generated/validators.gen.js";

const { generateImage, generateVideo, getTaskStatus } = OPERATIONS;
const image = { prompt: "a fox", model: "seedream-4.5" };
const video = { prompt: "a fox", model: "seedance-2.0", duration: 5 };

describe("request checks", () => {
  it("accept the spec's own examples", () => {
    for (const op of specOperations) {
      const compiled = OPERATIONS[op.operationId as keyof typeof OPERATIONS];
      expect(compiled.checkBody?.(op.sample.body)).toBeUndefined();
      expect(compiled.checkPath?.(op.sample.path ?? {})).toBeUndefined();
    }
  });

  it.each([
    ["a missing prompt", { model: "seedream-4.5" }, { field: "prompt", constraint: "required" }],
    ["a number prompt", { ...image, prompt: 7 }, { field: "prompt", constraint: "type", limit: "string" }],
    ["an empty prompt", { ...image, prompt: "" }, { field: "prompt", constraint: "min_length", limit: 1 }],
    ["a long prompt", { ...image, prompt: "x".repeat(301) }, { field: "prompt", constraint: "max_length", limit: 300 }],
    ["an unknown model", { ...image, model: "seedream-9" }, { field: "model", constraint: "enum" }],
    ["numImages 0", { ...image, num_images: 0 }, { field: "num_images", constraint: "minimum", limit: 1 }],
    ["numImages 5", { ...image, num_images: 5 }, { field: "num_images", constraint: "maximum", limit: 4 }],
    ["a fractional seed", { ...image, seed: 1.5 }, { field: "seed", constraint: "type", limit: "integer" }],
    ["a relative webhook URL", { ...image, webhook_url: "/hook" }, { field: "webhook_url", constraint: "format" }],
    ["an unknown field", { ...image, surprise: true }, { field: "surprise", constraint: "additional_properties" }],
    ["no object at all", "a fox", { field: "", constraint: "type", limit: "object" }],
  ])("report %s as the server would", (_, body, details) => {
    expect(generateImage.checkBody?.(body)).toMatchObject(details);
  });

  it("name the allowed values of an enum as its limit", () => {
    expect(generateVideo.checkBody?.({ ...video, fps: 25 })).toEqual({
      field: "fps",
      value: 25,
      constraint: "enum",
      limit: [24, 30, 60],
    });
  });

  it("count characters as JSON Schema does (code points), not UTF-16 units", () => {
    expect(generateImage.checkBody?.({ ...image, prompt: "🦊".repeat(300) })).toBeUndefined();
    expect(generateImage.checkBody?.({ ...image, prompt: "🦊".repeat(301) })).toMatchObject({
      constraint: "max_length",
    });
  });

  it("check path parameters", () => {
    expect(getTaskStatus.checkPath?.({ task_id: "task_1-a" })).toBeUndefined();
    expect(getTaskStatus.checkPath?.({ task_id: "../admin" })).toMatchObject({ field: "task_id", constraint: "regex" });
    expect(getTaskStatus.checkPath?.({})).toMatchObject({ field: "task_id", constraint: "required" });
  });

  it("describe the same operations as hey-api's generated SDK", () => {
    expect(Object.values(OPERATIONS).map(({ operationId, method, path }) => [operationId, method, path])).toEqual(
      specOperations.map(({ operationId, method, path }) => [operationId, method.toUpperCase(), path]),
    );
  });
});

describe("response checks", () => {
  const status = {
    status: "success",
    data: { task_id: "t1", status: "processing", progress: 10, created_at: "x", updated_at: "x" },
  };

  it("accept values newer than the spec: unknown enum values, formats and extra fields", () => {
    const newer = { ...status, data: { ...status.data, status: "paused", progress: 12.5, eta: 3 } };
    expect(getTaskStatus.checkResponse(newer)).toBeUndefined();
  });

  it("report a missing required field and a value of the wrong type, with its path", () => {
    const { progress: _, ...withoutProgress } = status.data;
    expect(getTaskStatus.checkResponse({ ...status, data: withoutProgress })).toMatchObject({
      field: "data.progress",
      constraint: "required",
    });
    expect(
      getTaskStatus.checkResponse({ ...status, data: { ...status.data, result: { video_url: 1 } } }),
    ).toMatchObject({ field: "data.result.video_url", constraint: "type", limit: "string" });
  });

  it("check every item of an array", () => {
    const body = {
      status: "success",
      data: { task_id: "t", model: "m", images: [{ id: "a", url: "u" }, { id: "b" }] },
    };
    expect(generateImage.checkResponse(body)).toMatchObject({ field: "data.images.1.url", constraint: "required" });
  });
});
