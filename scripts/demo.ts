// The main job (`pnpm start`): builds the spec and the packages, then runs the contract suite
// against a real Prism mock of the spec and prints a readable report. No API key is needed.
import { execFileSync } from "node:child_process";

const run = (cmd: string, args: string[], cwd?: string) => execFileSync(cmd, args, { stdio: "inherit", cwd });

run("pnpm", ["turbo", "run", "build", "--output-logs=errors-only"]);
run("pnpm", ["exec", "vitest", "run", "test/contract", "--reporter=verbose"], "packages/core");
