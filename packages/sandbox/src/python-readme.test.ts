// The Python SDK against the URL the sandbox prints (issue 24): the README's error example runs as
// written, each error reaching the `except` it is written for, and a request the server refuses
// (sent anyway with `validate=False`) reaches `except seedance.BadRequestError`, as it does against
// the API, where Prism's 422 used to crash it. Runs the SDK from its venv (packages/python/.venv,
// made by the set-up).
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

/** Runs a Python program with the SDK, pointed at the sandbox by the environment; resolves with its stdout. */
async function runPython(program: string): Promise<string> {
  if (!existsSync(python)) {
    throw new Error(
      `${python} is missing: \`pnpm install\` (or python3 packages/python/scripts/setup_venv.py) makes it`,
    );
  }
  const env = { ...process.env, SEEDANCE_API_KEY: sandbox.apiKey, SEEDANCE_BASE_URL: sandbox.url };
  return (await runProcess(python, ["-c", program], { env, timeoutMs: 60_000 })).stdout;
}

it("the Python README's error example runs as written against the sandbox URL, each error reaching its `except`", async () => {
  const readme = await readFile(`${pythonPackage}README.md`, "utf8");
  const errors = readme.slice(readme.indexOf("## Errors"));
  const example = /```python\n([\s\S]*?)```/.exec(errors)?.[1];
  if (!example) throw new Error("packages/python/README.md has no Python example under ## Errors");
  const printed = await runPython(example);
  expect(printed).not.toContain("the API said");
  expect(printed).toMatch(/^404 NOT_FOUND req_\w+$/m);
});

it("an invalid request sent anyway reaches `except seedance.BadRequestError` against the sandbox URL", async () => {
  const printed = await runPython(`import seedance
client = seedance.Client(validate=False)
try:
    client.seedream.generate(prompt="x" * 301, model="seedream-4.5")
except seedance.BadRequestError as error:
    print(error.status, error.code, error.details["field"], error.details["constraint"])
`);
  expect(printed).toBe("400 INVALID_PROMPT prompt max_length\n");
});
