import fc from "fast-check";
import { describe, expect, expectTypeOf, it } from "vitest";
import { type CamelCase, type SnakeCase, toCamelCase, toSnakeCase } from "./case.js";
import type { TaskStatus, VideoGenerationRequest } from "./generated/types.gen.js";

describe("case mapping", () => {
  it("renames nested keys both ways and leaves values alone", () => {
    const wire = { task_id: "t_1", result: { video_url: "https://x/a_b" }, images: [{ size_bytes: 3 }] };
    const camel = toCamelCase(wire);
    expect(camel).toEqual({ taskId: "t_1", result: { videoUrl: "https://x/a_b" }, images: [{ sizeBytes: 3 }] });
    expect(toSnakeCase(camel)).toEqual(wire);
  });

  it("derives the camelCase types from the generated ones", () => {
    expectTypeOf<CamelCase<TaskStatus>>().toHaveProperty("errorMessage");
    expectTypeOf<CamelCase<TaskStatus>["result"]>().toEqualTypeOf<
      { videoUrl: string; duration?: number; resolution?: "720p" | "1080p" | "4k" } | undefined
    >();
    expectTypeOf<SnakeCase<CamelCase<VideoGenerationRequest>>>().toEqualTypeOf<VideoGenerationRequest>();
  });

  const snakeKey = fc.stringMatching(/^[a-z]{1,6}(_[a-z]{1,6}){0,3}$/);
  const wireValue = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: "small" },
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie("value"), { maxLength: 3 }),
      fc.dictionary(snakeKey, tie("value"), { maxKeys: 4 }),
    ),
  })).value;

  it("round-trips any snake_case document (property)", () => {
    fc.assert(
      fc.property(wireValue, (doc) => {
        expect(toSnakeCase(toCamelCase(doc))).toEqual(doc);
      }),
      { verbose: true },
    );
  });

  it("never leaves an underscore-letter pair in a camelCase key (property)", () => {
    fc.assert(
      fc.property(fc.dictionary(snakeKey, fc.integer()), (doc) =>
        Object.keys(toCamelCase(doc)).every((key) => !/_[a-z]/.test(key)),
      ),
    );
  });
});
