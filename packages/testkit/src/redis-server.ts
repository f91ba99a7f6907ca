// Starts a real redis-server on a free loopback port with a temporary directory and no persistence,
// and always stops it (its whole process group). `restart` keeps the port, for outage tests.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { freePort } from "@seedance/prism";
import { redisServer, requireSystemTool } from "./system-tools.ts";

const START_TIMEOUT_MS = 10_000;

export interface RedisServer {
  url: string;
  port: number;
  /** Stops the server (SIGKILL to its process group) and waits until the port refuses connections. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
  /** Stops it and removes its directory. */
  close(): Promise<void>;
}

/** Resolves with the answer to PING, or rejects if nothing answers. */
function ping(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    socket.setTimeout(500, () => socket.destroy(new Error("timeout")));
    socket.on("error", reject);
    socket.on("data", (data) => {
      socket.destroy();
      resolve(data.toString());
    });
    socket.write("PING\r\n");
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startRedisServer(): Promise<RedisServer> {
  // Found on the machine (REDIS_SERVER_PATH, PATH), or one line that says what to install.
  const binary = requireSystemTool(redisServer);
  const dir = await mkdtemp(join(tmpdir(), "seedance-redis-"));
  const port = await freePort();
  let child: ChildProcess | undefined;
  let output = "";

  async function start() {
    output = "";
    const args = ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "no"];
    child = spawn(binary, args, { detached: true, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout?.on("data", (data) => {
      output += data;
    });
    child.stderr?.on("data", (data) => {
      output += data;
    });
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      if ((await ping(port).catch(() => "")).startsWith("+PONG")) return;
      if (child.exitCode !== null || Date.now() > deadline) {
        await stop();
        throw new Error(
          `${binary} ${args.join(" ")} did not start within ${START_TIMEOUT_MS} ms:\n${output.slice(-2000)}`,
        );
      }
      await sleep(50);
    }
  }

  async function stop() {
    const running = child;
    child = undefined;
    if (!running?.pid) return;
    const exited = new Promise((resolve) =>
      running.exitCode !== null ? resolve(null) : running.once("exit", resolve),
    );
    try {
      process.kill(-running.pid, "SIGKILL");
    } catch {
      // already gone
    }
    await exited;
  }

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    stop,
    async close() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
