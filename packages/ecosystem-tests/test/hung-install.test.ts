// A scratch install that stalls must fail within its own limit, naming the command and showing
// its last output, and leave no process behind: never wait for CI's limit. The "registry" here is
// a loopback socket that accepts and never answers.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ProcessError, runProcess } from "@seedance/testkit";
import { expect, it } from "vitest";
import { cleanEnv } from "../src/paths.ts";

it("a stalled install is killed at its time limit with a message naming the command", async () => {
  const sockets = new Set<Socket>();
  const silent = createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  const { port } = silent.address() as { port: number };
  const dir = await mkdtemp(join(tmpdir(), "seedance-hung-install-"));
  try {
    await writeFile(
      join(dir, "package.json"),
      JSON.stringify({ name: "hung", dependencies: { "is-number": "7.0.0" } }),
    );
    const started = Date.now();
    const registry = `--config.registry=http://127.0.0.1:${port}/`;
    const error = await runProcess("pnpm", ["install", registry, `--config.cache-dir=${join(dir, "cache")}`], {
      cwd: dir,
      env: cleanEnv(),
      timeoutMs: 5_000,
    }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ProcessError);
    expect((error as ProcessError).message).toMatch(
      /^`pnpm install --config\.registry=\S+ .*` was killed after its 5 s time limit/,
    );
    expect((error as ProcessError).message).toContain("its last output:");
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(sockets.size).toBeGreaterThan(0); // it really was waiting on the registry
  } finally {
    for (const socket of sockets) socket.destroy();
    silent.close();
    await rm(dir, { recursive: true, force: true });
  }
});
