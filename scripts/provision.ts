// Part of the README's set-up (the workspace's `postinstall`): gets a fresh machine ready for
// `pnpm test`, which then needs no network.
// 1. Programs no npm package brings (Chromium, redis-server): found, or installed with apt-get when
//    this is Debian/Ubuntu and we are root; otherwise one line says what to install.
// 2. pnpm's metadata cache for everything the packed packages depend on, so that the tests' scratch
//    projects install from the tarballs with `pnpm install --offline`.
// 3. The Python SDK's virtual environments, from PyPI: development (.venv) and the built wheel with
//    the newest and the oldest supported dependencies (.venv-newest, .venv-oldest), which the tests use.
// 4. The Python tools the tests run (Schemathesis), in tools/python/.venv, from PyPI.
// SEEDANCE_SKIP_PROVISION=1 skips all four.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { provisionPythonTools } from "../packages/testkit/src/python-tools.ts";
import { chromium, findSystemTool, redisServer, type SystemTool } from "../packages/testkit/src/system-tools.ts";
import { CONSUMER_DEV_DEPENDENCIES } from "./release/consumer.ts";

const root = join(import.meta.dirname, "..");
const say = (line: string) => process.stdout.write(`provision: ${line}\n`);

function run(command: string, args: string[], options: { cwd?: string; timeoutMs: number }) {
  execFileSync(command, args, {
    cwd: options.cwd,
    stdio: ["ignore", "pipe", "pipe"],
    timeout: options.timeoutMs,
    killSignal: "SIGKILL",
    // Not the outer pnpm's npm_* settings (a frozen lockfile, its registry config): a plain run.
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(npm|pnpm)_/i.test(name))),
      DEBIAN_FRONTEND: "noninteractive",
    },
  });
}

function provisionSystemTools(tools: readonly SystemTool[]): void {
  const missing = tools.filter((tool) => !findSystemTool(tool));
  if (missing.length === 0) return;
  const canApt = process.platform === "linux" && process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");
  if (!canApt) {
    for (const tool of missing) say(`${tool.name} is missing — ${tool.hint}.`);
    return;
  }
  const packages = missing.map((tool) => tool.debianPackage);
  say(`installing ${packages.join(", ")} with apt-get (needed by the tests)…`);
  try {
    run("apt-get", ["update", "-qq"], { timeoutMs: 300_000 });
    run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...packages], { timeoutMs: 600_000 });
  } catch (error) {
    const { stderr } = error as { stderr?: Buffer };
    say(
      `apt-get failed (${String(stderr ?? error)
        .trim()
        .split("\n")
        .at(-1)})`,
    );
  }
  for (const tool of missing) if (!findSystemTool(tool)) say(`${tool.name} is still missing — ${tool.hint}.`);
}

/** The registry dependencies of every publishable package (and the release check's consumer): what scratch projects install. */
function publishedDependencies(): Record<string, string> {
  const manifests = ["spec", ...readdirSync(join(root, "packages")).map((name) => join("packages", name))]
    .map((dir) => join(root, dir, "package.json"))
    .filter(existsSync)
    .map((path) => JSON.parse(readFileSync(path, "utf8")));
  const dependencies: Record<string, string> = { ...CONSUMER_DEV_DEPENDENCIES };
  for (const manifest of manifests.filter((each) => !each.private)) {
    for (const field of ["dependencies", "peerDependencies", "optionalDependencies"]) {
      for (const [name, range] of Object.entries<string>(manifest[field] ?? {})) {
        if (!range.startsWith("workspace:")) dependencies[name] = range;
      }
    }
  }
  return dependencies;
}

async function warmMetadataCache(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "seedance-provision-"));
  try {
    const manifest = { name: "seedance-provision", private: true, dependencies: publishedDependencies() };
    await writeFile(join(dir, "package.json"), JSON.stringify(manifest));
    // Installing the whole tree once caches each package's metadata and puts its files in the store:
    // an offline install resolves to the newest version the metadata knows, which must be there.
    run("pnpm", ["install", "--no-frozen-lockfile", "--ignore-scripts", "--ignore-workspace", "--silent"], {
      cwd: dir,
      timeoutMs: 300_000,
    });
  } catch (error) {
    const { stderr } = error as { stderr?: Buffer };
    say(
      `could not fill pnpm's metadata cache; scratch installs in the tests will fail offline: ${String(stderr ?? error).trim()}`,
    );
    process.exitCode = 1;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function provisionPythonVenv(): void {
  try {
    // Three venvs resolved from PyPI: up to a few minutes each on a busy machine.
    run("python3", [join(root, "packages", "python", "scripts", "setup_venv.py")], { timeoutMs: 1_800_000 });
  } catch (error) {
    const { stderr } = error as { stderr?: Buffer };
    say(
      `could not set up the Python SDK's venv (its tests need Python >= 3.10 with venv): ${String(stderr ?? error).trim()}`,
    );
  }
}

function provisionToolsVenv(): void {
  try {
    provisionPythonTools();
  } catch (error) {
    const { stderr } = error as { stderr?: Buffer };
    say(
      `could not set up the Python tools' venv (tools/python/.venv; the Schemathesis test needs it): ${String(stderr ?? error).trim()}`,
    );
  }
}

if (process.env.SEEDANCE_SKIP_PROVISION !== "1") {
  provisionSystemTools([chromium, redisServer]);
  await warmMetadataCache();
  provisionPythonVenv();
  provisionToolsVenv();
}
