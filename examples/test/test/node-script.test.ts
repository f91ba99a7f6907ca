import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runProcess } from "@seedance/testkit";
import { expect, it } from "vitest";
import { example, runtimes } from "../src/paths.ts";
import { sandboxEnv, useSandbox } from "../src/sandbox.ts";

const sandbox = useSandbox();

it("generates an image, waits for a video and downloads it", async () => {
  const outDir = await mkdtemp(join(tmpdir(), "seedance-example-node-"));
  try {
    const { stdout } = await runProcess(runtimes.node, ["index.ts"], {
      cwd: example("node-script"),
      env: sandboxEnv(sandbox(), { OUT_DIR: outDir }),
      timeoutMs: 60_000,
    });
    expect(stdout).toMatch(/^image: http/m);
    expect(stdout).toMatch(/^video completed/m);
    expect((await stat(join(outDir, "video.mp4"))).size).toBeGreaterThan(0);
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
});
