// The README's library example, run as written (imports resolve to this package and its
// dependencies): a sandbox checked with zero findings.
import { readFile, rm, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { cleanEnv, runNode } from "./support.ts";

const EXAMPLE_TIMEOUT = 300_000;

it(
  "runs the README's library example",
  async () => {
    const readme = await readFile(new URL("../README.md", import.meta.url), "utf8");
    const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    if (!example) throw new Error("the README has no TypeScript example");
    // Inside the package, so that `@seedance/contract` and its dependencies resolve as for a user.
    const file = fileURLToPath(new URL("./.readme-example.ts", import.meta.url));
    await writeFile(file, example);
    try {
      const run = await runNode([file], { env: cleanEnv(), timeoutMs: EXAMPLE_TIMEOUT });
      expect(run.stderr).toBe("");
      expect(run.stdout).toMatch(
        /^conformant 15 checks: 15 passed, 0 failed, 0 skipped; 0 findings; \d+ requests in [\d.]+ s \(seed \d+\)\n$/,
      );
    } finally {
      await rm(file, { force: true });
    }
  },
  EXAMPLE_TIMEOUT,
);
