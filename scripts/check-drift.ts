// Fails when the committed generated code does not match what the spec generates now.
// Run on its own: `pnpm check:drift` (CI runs it after a fresh install).
import { execFileSync } from "node:child_process";

const generatedDirs = [
  "packages/core/src/generated",
  "packages/python/seedance/_generated",
  "packages/python/seedance/_spec_checks.py",
  "packages/python/seedance/_sync",
];

execFileSync("pnpm", ["generate", "--force"], { stdio: "inherit", timeout: 600_000, killSignal: "SIGKILL" });
const drift = execFileSync("git", ["status", "--porcelain", "--", ...generatedDirs], { encoding: "utf8" });
if (drift.trim()) {
  console.error(`Generated code is out of date with the spec:\n${drift}\nRun \`pnpm generate\` and commit the result.`);
  process.exit(1);
}
console.log("generated code matches the spec");
