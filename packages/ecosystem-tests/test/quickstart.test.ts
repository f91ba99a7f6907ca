// The page's Node quickstart, its snippets joined into one script, installed against the packed
// `seedance-sdk` and run with Node 24 against Prism. Joining needs one thing: the image and video
// snippets both declare `const response`, so the image snippet sits in its own `{ }` block.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { startCompletingRelay } from "../src/completing-relay.ts";
import { cleanEnv, packagesDir, projectsDir, runtimes } from "../src/paths.ts";
import { scratchProject } from "../src/scratch.ts";
import { run } from "../src/spawn.ts";

// CI lays shared/ beside the clone, as on a developer's machine.
const page = join(packagesDir, "..", "..", "shared", "seed", "seedance-api-docs.txt");
const script = readFileSync(join(projectsDir, "quickstart", "quickstart.js"), "utf8");

describe("the page's Node quickstart", () => {
  it.skipIf(!existsSync(page))("is the page's snippets, line for line, in order", () => {
    const pageLines = readFileSync(page, "utf8").split("\n");
    let at = 0;
    for (const line of script.split("\n")) {
      if (line === "" || line === "{" || line === "}") continue;
      // The page's text glues each section's heading onto the snippet's last line.
      const found = pageLines.findIndex((pageLine, i) => i >= at && pageLine.startsWith(line));
      expect(found, `not on the page after line ${at}: ${line}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });

  it("runs unmodified from an installed seedance-sdk with SEEDANCE_BASE_URL and SEEDANCE_API_KEY", async () => {
    const project = await scratchProject("quickstart");
    const relay = await startCompletingRelay(inject("prismUrl"));
    try {
      const env = cleanEnv({ SEEDANCE_BASE_URL: relay.url, SEEDANCE_API_KEY: "sk-ecosystem" });
      const output = await run(runtimes.node24, ["quickstart.js"], { cwd: project, env });
      console.info(output);
      expect(output).toMatch(/^Generated image: https:\/\/\S+$/m);
      expect(output).toMatch(/^Task submitted: \S+$/m);
      expect(output).toMatch(/^Video URL: https:\/\/\S+\.mp4$/m);
      expect(relay.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        "POST /v1/seedream/generate",
        "POST /v1/seedance/generate",
        "GET /v1/tasks/task-uuid-67890",
      ]);
      expect(relay.violations).toEqual([]);
    } finally {
      await relay.stop();
    }
  });
});
