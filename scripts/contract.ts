// `pnpm contract [--upstream URL --api-key KEY] [--sandbox] [--json] [--junit FILE]`: a thin call of
// `seedance-contract` (packages/contract; `seedance contract` with @seedance/cli), which checks a
// server against the spec (its schemas and its promises beyond them). Without --upstream it starts
// the sandbox and checks the URL it prints (with --sandbox).
import { execFileSync, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const USAGE = `Usage: pnpm contract [--upstream URL --api-key KEY] [--sandbox] [--json] [--junit FILE]

  --upstream URL  the server to check (default: start the sandbox and check it)
  --api-key KEY   a valid key for it (default: $SEEDANCE_API_KEY)
  --sandbox       the upstream is a Seedance sandbox: also provoke 429 (free-tier keys), 500 and 503 (prompt triggers)
  --json          the report as one JSON document (every finding)
  --junit FILE    also write a JUnit XML report

The same as \`seedance-contract --base-url URL --api-key KEY\` from @seedance/contract.`;

const { values: flags } = parseArgs({
  options: {
    upstream: { type: "string" },
    "api-key": { type: "string" },
    sandbox: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    junit: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});
if (flags.help) {
  console.log(USAGE);
  process.exit(0);
}
const apiKey = flags["api-key"] ?? process.env.SEEDANCE_API_KEY;
if (flags.upstream && !apiKey) {
  console.error(`--upstream needs --api-key (or SEEDANCE_API_KEY).\n\n${USAGE}`);
  process.exit(2);
}

try {
  execFileSync("pnpm", ["turbo", "run", "build", "--output-logs=errors-only", "--filter=@seedance/contract..."], {
    stdio: "pipe",
  });
} catch (error) {
  const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
  process.stderr.write(`The build failed:\n${stdout ?? ""}${stderr ?? ""}`);
  process.exit(1);
}
// Imported only now: the package's build output.
const { SANDBOX_API_KEY, startSandbox } = await import("@seedance/sandbox");

const sandbox = flags.upstream ? undefined : await startSandbox({ taskSeconds: 1, tiers: { free: 2 } });
const args = ["--base-url", flags.upstream ?? (sandbox?.url as string)];
if (sandbox || flags.sandbox) args.push("--sandbox");
if (flags.json) args.push("--json");
if (flags.junit) args.push("--junit", flags.junit);
const cli = fileURLToPath(new URL("../packages/contract/dist/cli.js", import.meta.url));
// The key goes by the environment, not the command line (which `ps` shows).
const child = spawn(process.execPath, [cli, ...args], {
  stdio: "inherit",
  env: { ...process.env, SEEDANCE_API_KEY: sandbox ? SANDBOX_API_KEY : apiKey },
});
process.exitCode = await new Promise<number>((resolve) => child.once("close", (code) => resolve(code ?? 1)));
await sandbox?.stop();
