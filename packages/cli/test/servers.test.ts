// `pnpm sandbox` and `pnpm mock` as a user runs them: `kill <pid>` of pnpm itself (pnpm passes
// nothing on to node through its shells) must leave nothing of them listening.
import { freePort, startProcess, waitUntilClosed } from "@seedance/testkit";
import { expect, it } from "vitest";
import { cleanEnv, repositoryRoot } from "./support.ts";

async function startScript(script: string, ready: RegExp) {
  const port = await freePort();
  const server = startProcess("pnpm", ["-s", script], {
    cwd: repositoryRoot,
    env: cleanEnv({ PORT: String(port) }),
    timeoutMs: 60_000,
  });
  const match = await server.waitFor(ready);
  return { server, port, match };
}

it("kill <pid> of `pnpm sandbox` stops Prism and the simulator", async () => {
  const { server, port, match } = await startScript("sandbox", /simulator is at http:\/\/127\.0\.0\.1:(\d+)/);
  try {
    const upstream = Number(match[1]);
    expect((await fetch(`http://127.0.0.1:${port}/v1/tasks/task-1`)).status).toBe(401);
    process.kill(server.child.pid as number, "SIGTERM");
    await waitUntilClosed([port, upstream]);
  } finally {
    await server.stop();
  }
});

it("kill <pid> of `pnpm mock` stops Prism", async () => {
  const { server, port } = await startScript("mock", /Prism mock of the Seedance API/);
  try {
    process.kill(server.child.pid as number, "SIGTERM");
    await waitUntilClosed([port]);
  } finally {
    await server.stop();
  }
});
