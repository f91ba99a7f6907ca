// A scratch app outside the workspace with @seedance/node and @seedance/redis installed from packed
// tarballs (`pnpm install --offline`: no registry), and its instances as child processes, each with
// a timeout and killed with its process group. ioredis, a third-party dependency, is linked from the
// workspace's own install: an offline install cannot resolve a registry package without a lockfile.
import { type ChildProcess, execFile, fork } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, realpath, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const packagesDir = join(here, "..", "..");
const PACKED = ["core", "edge", "node", "redis"];
const STEP_TIMEOUT_MS = 120_000;

/** The environment without the outer pnpm run's npm_* settings, which would leak into child installs. */
const cleanEnv = () => Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(npm|pnpm)_/i.test(name)));

function exec(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd, env: cleanEnv(), timeout: STEP_TIMEOUT_MS, killSignal: "SIGKILL" },
      (error, stdout, stderr) =>
        error
          ? reject(
              new Error(
                `${command} ${args.join(" ")} in ${cwd} failed: ${error.message}\n${stdout}\n${stderr}`.slice(-4000),
              ),
            )
          : resolve(),
    );
  });
}

const ioredisDir = async () =>
  dirname(await realpath(createRequire(join(packagesDir, "redis", "package.json")).resolve("ioredis/package.json")));

export async function packedApp(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), "seedance-redis-app-"));
  const tarballs = join(root, "tarballs");
  await mkdir(tarballs);
  for (const name of PACKED) await exec("pnpm", ["pack", "--pack-destination", tarballs], join(packagesDir, name));
  const files = Object.fromEntries(
    (await readdir(tarballs)).map((file) => [
      file.replace(/^seedance-(.+)-\d+\.\d+\.\d+.*\.tgz$/, "@seedance/$1"),
      `file:${join(tarballs, file)}`,
    ]),
  );
  const dir = join(root, "app");
  await mkdir(dir);
  await cp(join(here, "instance"), dir, { recursive: true });
  const ioredis = `link:${await ioredisDir()}`;
  const manifest = {
    name: "seedance-redis-app",
    private: true,
    type: "module",
    dependencies: { "@seedance/node": files["@seedance/node"], "@seedance/redis": files["@seedance/redis"], ioredis },
    pnpm: { overrides: { ...files, ioredis } },
  };
  await writeFile(join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  await exec("pnpm", ["install", "--offline", "--config.node-linker=hoisted"], dir);
  return { dir, remove: () => rm(root, { recursive: true, force: true }) };
}

export interface Instance {
  /** Its webhook endpoint. */
  url: string;
  call<T>(command: string, args?: unknown): Promise<T>;
  kill(): void;
}

/** Starts one instance (instance.mjs) and waits until its webhook endpoint listens. */
export async function startInstance(dir: string, env: Record<string, string>): Promise<Instance> {
  const child: ChildProcess = fork(join(dir, "instance.mjs"), [], {
    cwd: dir,
    env: { ...cleanEnv(), ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  let output = "";
  child.stdout?.on("data", (data) => {
    output += data;
  });
  child.stderr?.on("data", (data) => {
    output += data;
  });
  const kill = () => {
    try {
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  };
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let next = 0;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`instance did not start in 30 s:\n${output}`)), 30_000);
    child.on("exit", (code) => reject(new Error(`instance exited (${code}):\n${output}`)));
    child.on("message", (message: { ready?: string; id?: number; result?: unknown; error?: string }) => {
      if (message.ready) {
        clearTimeout(timer);
        resolve(message.ready);
        return;
      }
      const waiter = pending.get(message.id as number);
      pending.delete(message.id as number);
      if (message.error) waiter?.reject(new Error(message.error));
      else waiter?.resolve(message.result);
    });
  }).catch((error) => {
    kill();
    throw error;
  });
  child.on("exit", (code) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`instance exited (${code}):\n${output}`));
  });
  return {
    url,
    kill,
    call: <T>(command: string, args?: unknown) =>
      new Promise<T>((resolve, reject) => {
        const id = next++;
        const timer = setTimeout(
          () => reject(new Error(`${command} timed out after 60 s; output:\n${output.slice(-2000)}`)),
          60_000,
        );
        pending.set(id, {
          resolve: (value) => {
            clearTimeout(timer);
            resolve(value as T);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        });
        child.send({ id, command, args });
      }),
  };
}
