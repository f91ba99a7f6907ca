// The Python README's error example, as written, against the URL the sandbox prints (issue 24): the
// over-long prompt must reach `except seedance.BadRequestError`, as it does against the API. Runs
// the Python SDK from its venv (packages/python/.venv, made by the set-up).
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { runProcess } from "@seedance/testkit";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "./sandbox.ts";

const pythonPackage = fileURLToPath(new URL("../../python/", import.meta.url));
const python = `${pythonPackage}.venv/bin/python`;
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox?.stop());

/** The README's Python block that handles `seedance.BadRequestError`. */
async function errorExample(): Promise<string> {
  const readme = await readFile(`${pythonPackage}README.md`, "utf8");
  const block = [...readme.matchAll(/```python\n([\s\S]*?)```/g)]
    .map((match) => match[1] ?? "")
    .find((code) => code.includes("except seedance.BadRequestError"));
  if (!block) throw new Error("packages/python/README.md has no example that catches seedance.BadRequestError");
  return block;
}

it("the Python README's error example reaches `except seedance.BadRequestError` against the sandbox URL", async () => {
  if (!existsSync(python))
    throw new Error(
      `${python} is missing: \`pnpm install\` (or python3 packages/python/scripts/setup_venv.py) makes it`,
    );
  // The README's client, from the environment, as its quickstart says.
  const program = `import seedance\nclient = seedance.Client()\n${await errorExample()}`;
  const run = await runProcess(python, ["-c", program], {
    env: { ...process.env, SEEDANCE_API_KEY: sandbox.apiKey, SEEDANCE_BASE_URL: sandbox.url },
    timeoutMs: 60_000,
  });
  // print(error.code, error.details, error.request_id)
  expect(run.stdout).toMatch(/^INVALID_PROMPT .*'field': 'prompt'.*'constraint': 'max_length'.* req_\w+\n$/);
});
