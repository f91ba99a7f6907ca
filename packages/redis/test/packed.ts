// A scratch app outside the workspace with @seedance/node and @seedance/redis installed from packed
// tarballs (testkit's installPacked: `pnpm install --offline`, no registry), and its instances as
// child processes, each with a timeout and killed with its process group.
import { type ChildProcess, fork } from "node:child_process";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { installPacked, outsideEnv } from "@seedance/testkit";

const here = dirname(fileURLToPath(import.meta.url));

export async function packedApp(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), "seedance-redis-app-"));
  const dir = join(root, "app");
  await cp(join(here, "instance"), dir, { recursive: true });
  await installPacked({
    packages: ["@seedance/node", "@seedance/redis"],
    dir,
    linker: "hoisted",
    manifest: { name: "seedance-redis-app", type: "module" },
  });
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
    env: outsideEnv(env),
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
