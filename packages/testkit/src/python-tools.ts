// Python tools the tests run (Schemathesis), installed from PyPI by the set-up (scripts/provision.ts)
// into a venv of their own, tools/python/.venv, from tools/python/requirements.txt: the tests then
// reach no registry. The venv is made anew when the requirements change (a stamp holds their hash).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const TOOLS = fileURLToPath(new URL("../../../tools/python/", import.meta.url));
const REQUIREMENTS = join(TOOLS, "requirements.txt");
const VENV = join(TOOLS, ".venv");
const STAMP = join(VENV, ".seedance-stamp");
const BIN = join(VENV, process.platform === "win32" ? "Scripts" : "bin");

const wanted = () => createHash("sha256").update(readFileSync(REQUIREMENTS)).digest("hex");

const isCurrent = () => existsSync(STAMP) && readFileSync(STAMP, "utf8") === wanted();

/** The path of a command of the tools venv (`st` for Schemathesis); throws saying how to install it when missing. */
export function pythonTool(command: string): string {
  const path = join(BIN, command);
  if (!isCurrent() || !existsSync(path)) {
    throw new Error(
      `${command} is not installed: \`pnpm install\` installs tools/python/requirements.txt into tools/python/.venv (needs python3 >= 3.10 with venv and PyPI), or run \`node scripts/provision.ts\``,
    );
  }
  return path;
}

/** Makes the tools venv when it is missing or its requirements changed (set-up only: it reaches PyPI). */
export function provisionPythonTools(timeoutMs = 600_000): void {
  if (isCurrent()) return;
  rmSync(VENV, { recursive: true, force: true });
  const run = (command: string, args: string[]) =>
    execFileSync(command, args, { stdio: ["ignore", "pipe", "pipe"], timeout: timeoutMs, killSignal: "SIGKILL" });
  run("python3", ["-m", "venv", VENV]);
  run(join(BIN, "python"), ["-m", "pip", "install", "--disable-pip-version-check", "-q", "-r", REQUIREMENTS]);
  writeFileSync(STAMP, wanted());
}
