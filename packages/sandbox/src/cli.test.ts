import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { freePort } from "@seedance/prism";
import { expect, it } from "vitest";

it("starts the sandbox on --port, prints the URL, key and secret, and stops cleanly on SIGTERM", async () => {
  const port = await freePort();
  const cli = fileURLToPath(new URL("./cli.ts", import.meta.url));
  const child = spawn(process.execPath, [cli, "--port", String(port), "--webhook-secret", "whsec_c2VjcmV0"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  for await (const chunk of child.stdout) {
    output += chunk;
    if (output.includes("Ctrl-C")) break;
  }
  expect(output).toContain(`http://127.0.0.1:${port}`);
  expect(output).toContain("sk-test-sandbox");
  expect(output).toContain("whsec_c2VjcmV0");
  const answer = await fetch(`http://127.0.0.1:${port}/v1/tasks/task-1`, { headers: { "X-API-Key": "sk-test-cli" } });
  expect(answer.status).toBe(404);

  child.kill("SIGTERM");
  const [code] = await once(child, "exit");
  expect(code).toBe(0);
});
