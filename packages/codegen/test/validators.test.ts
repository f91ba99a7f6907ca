// The compiler and both emitters: what is compiled (and refused), which rules are shared, and that the
// two languages get the same rules in the same order.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileSpec, pythonValidators, type Spec, typescriptValidators } from "../src/index.ts";
import { pythonPattern } from "../src/validators/python.ts";

const bundled = JSON.parse(readFileSync(new URL("../../../spec/dist/openapi.json", import.meta.url), "utf8")) as Spec;

const spec = (schema: Record<string, unknown>): Spec =>
  ({
    paths: {
      "/x": {
        post: {
          operationId: "x",
          requestBody: { content: { "application/json": { schema } } },
          responses: { "200": { content: { "application/json": { schema: { type: "object" } } } } },
        },
      },
    },
    components: { schemas: {}, parameters: {} },
  }) as Spec;

describe("the compiler", () => {
  it("refuses a keyword it does not compile, so a check never silently passes", () => {
    for (const emit of [typescriptValidators, pythonValidators]) {
      expect(() => emit(spec({ type: "string", multipleOf: 2 }))).toThrow(/multipleOf/);
      expect(() => emit(spec({ type: "string", format: "email" }))).toThrow(/format "email"/);
      expect(() => emit(spec({ minLength: 2 }))).toThrow(/needs a type/);
    }
  });

  it("is deterministic", () => {
    const input = spec({ type: "object", properties: { a: { type: "string", maxLength: 3 } }, required: ["a"] });
    expect(typescriptValidators(input)).toBe(typescriptValidators(input));
    expect(pythonValidators(input)).toBe(pythonValidators(input));
  });

  it("keeps the spec's order of constraints and properties, and each operation's checks", () => {
    const { operations } = compileSpec(bundled);
    const image = operations.find((operation) => operation.id === "generateImage");
    const body = image?.checks.find(([check]) => check === "checkBody")?.[1];
    expect(body?.constraints).toEqual([["type", "object"]]);
    expect(body?.properties?.map(([name]) => name)).toEqual(
      Object.keys(bundled.components.schemas.ImageGenerationRequest?.properties ?? {}),
    );
    const prompt = body?.properties?.find(([name]) => name === "prompt")?.[1];
    expect(prompt?.constraints).toEqual([
      ["type", "string"],
      ["min_length", 1],
      ["max_length", 300],
    ]);
    expect(body?.closed).toBe(true);
    expect(operations.map(({ id, checks }) => [id, checks.map(([check]) => check)])).toEqual([
      ["generateImage", ["checkHeaders", "checkBody", "checkResponse"]],
      ["generateVideo", ["checkHeaders", "checkBody", "checkResponse"]],
      ["getTaskStatus", ["checkPath", "checkResponse"]],
      ["getTaskResult", ["checkPath", "checkResponse"]],
    ]);
  });
});

describe("the emitters", () => {
  it("write a rule used in several places once, under one name in each language", () => {
    const ts = typescriptValidators(bundled);
    const py = pythonValidators(bundled);
    expect(ts.match(/^const requestPrompt: Rule = /gm)).toHaveLength(1);
    expect(py.match(/^REQUEST_PROMPT: Final\[Rule\] = /gm)).toHaveLength(1);
    // Same shared rules, same order.
    const tsNames = [...ts.matchAll(/^const (\w+): Rule/gm)].map((m) => m[1]);
    const pyNames = [...py.matchAll(/^(\w+): Final\[Rule\]/gm)].map((m) => m[1]);
    expect(pyNames).toEqual(tsNames.map((name) => name?.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase()));
  });

  it("write Python literals and keep each pattern as the spec writes it, with its Python translation", () => {
    const py = pythonValidators(
      spec({
        type: "object",
        properties: { id: { type: "string", pattern: "^[a-z]+$" }, flag: { type: "boolean", enum: [true, false] } },
        additionalProperties: false,
      }),
    );
    expect(py).toContain('"regex": "^[a-z]+$"');
    expect(py).toContain('PATTERNS: Final[dict[str, str]] = {"^[a-z]+$": "^[a-z]+\\\\Z"}');
    expect(py).toContain('"enum": [True, False]');
    expect(py).toContain('"additional_properties": False');
  });

  it("translate $ to Python's end of input, leave it alone in a class, and refuse what differs between engines", () => {
    expect(pythonPattern("^a$")).toBe("^a\\Z");
    expect(pythonPattern("^[$]\\$x$")).toBe("^[$]\\$x\\Z");
    expect(() => pythonPattern("^\\s+$")).toThrow(/not portable/);
  });
});
