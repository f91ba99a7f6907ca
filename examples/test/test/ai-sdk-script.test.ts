import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runProcess } from "@seedance/testkit";
import { expect, it } from "vitest";
import { example, runtimes } from "../src/paths.ts";
import { sandboxEnv, useSandbox } from "../src/sandbox.ts";

const sandbox = useSandbox();

it("generates an image and a video through the AI SDK and saves both", async () => {
  const outDir = await mkdtemp(join(tmpdir(), "seedance-example-ai-sdk-"));
  try {
    const { stdout } = await runProcess(runtimes.node, ["index.ts"], {
      cwd: example("ai-sdk-script"),
      env: sandboxEnv(sandbox(), { OUT_DIR: outDir }),
      timeoutMs: 60_000,
    });
    expect(stdout).toMatch(/^image: http/m);
    expect(stdout).toMatch(/^video saved to /m);
    const png = await readFile(join(outDir, "image.png"));
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    const mp4 = await readFile(join(outDir, "video.mp4"));
    expect(mp4.subarray(4, 8).toString()).toBe("ftyp");
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
});
