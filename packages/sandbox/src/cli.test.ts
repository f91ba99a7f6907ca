import { fileURLToPath } from "node:url";
import { freePort, startProcess, waitUntilClosed } from "@seedance/testkit";
import { expect, it } from "vitest";

const cli = fileURLToPath(new URL("./cli.ts", import.meta.url));

async function startCli() {
  const port = await freePort();
  const child = startProcess(process.execPath, [cli, "--port", String(port), "--webhook-secret", "whsec_c2VjcmV0"], {
    timeoutMs: 60_000,
  });
  const [, upstream] = await child.waitFor(/simulator is at http:\/\/127\.0\.0\.1:(\d+)[\s\S]*Ctrl-C/);
  return { child, port, upstream: Number(upstream) };
}

it("starts the sandbox on --port, prints the URL, key and secret, and stops cleanly on SIGTERM", async () => {
  const { child, port, upstream } = await startCli();
  try {
    expect(child.output().stdout).toContain(`Seedance sandbox: http://127.0.0.1:${port}`);
    expect(child.output().stdout).toContain("sk-test-sandbox");
    expect(child.output().stdout).toContain("whsec_c2VjcmV0");
    const answer = await fetch(`http://127.0.0.1:${port}/v1/tasks/task-1`, { headers: { "X-API-Key": "sk-test-cli" } });
    expect(answer.status).toBe(404);

    child.child.kill("SIGTERM");
    expect((await child.finished).code).toBe(0);
    await waitUntilClosed([port, upstream]);
  } finally {
    await child.stop();
  }
});

it("stops on SIGINT (Ctrl-C)", async () => {
  const { child, port, upstream } = await startCli();
  try {
    child.child.kill("SIGINT");
    expect((await child.finished).code).toBe(0);
    await waitUntilClosed([port, upstream]);
  } finally {
    await child.stop();
  }
});

it("leaves no Prism behind when it is killed outright (SIGKILL)", async () => {
  const { child, port, upstream } = await startCli();
  try {
    child.child.kill("SIGKILL");
    await waitUntilClosed([port, upstream]);
  } finally {
    await child.stop();
  }
});
