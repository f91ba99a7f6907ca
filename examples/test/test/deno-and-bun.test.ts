import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runProcess } from "@seedance/testkit";
import { expect, it } from "vitest";
import { example, runtimes } from "../src/paths.ts";
import { sandboxEnv, useSandbox } from "../src/sandbox.ts";

const sandbox = useSandbox();

it("runs the Deno script (seedance-sdk's edge build)", async () => {
  const { stdout } = await runProcess(runtimes.deno, ["run", "--allow-env", "--allow-net", "main.ts"], {
    cwd: example("deno"),
    env: sandboxEnv(sandbox(), { NO_COLOR: "1" }),
    timeoutMs: 60_000,
  });
  expect(stdout).toMatch(/^image: http/m);
  expect(stdout).toMatch(/^video task: \S+ (queued|processing)/m);
});

it("runs the Bun script (seedance-sdk's Node build, with its download)", async () => {
  const outDir = await mkdtemp(join(tmpdir(), "seedance-example-bun-"));
  try {
    const { stdout } = await runProcess(runtimes.bun, ["index.ts"], {
      cwd: example("bun"),
      env: sandboxEnv(sandbox(), { OUT_DIR: outDir }),
      timeoutMs: 60_000,
    });
    expect(stdout).toMatch(/^image saved to .*image\.png \([1-9]\d* bytes\)/m);
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
});
