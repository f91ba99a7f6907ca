// A real redis-server per test file, and clients on it that are closed after each test.
import { once } from "node:events";
import { type RedisServer, startRedisServer } from "@seedance/testkit";
import { afterAll, afterEach, beforeAll } from "vitest";
import { createRedisClient, type RedisClient } from "../src/index.js";

export function useRedis() {
  const state: { server?: RedisServer } = {};
  const clients: RedisClient[] = [];
  beforeAll(async () => {
    state.server = await startRedisServer();
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.disconnect();
  });
  afterAll(() => state.server?.close());
  let prefixes = 0;
  return {
    get server(): RedisServer {
      return state.server as RedisServer;
    },
    /** A connected client, as each app instance would have its own. */
    async client(): Promise<RedisClient> {
      const client = createRedisClient((state.server as RedisServer).url);
      clients.push(client);
      client.on("error", () => {}); // outages are the point of some tests
      await once(client, "ready");
      return client;
    },
    /** A fresh key prefix, so tests do not see each other's state. */
    prefix: () => `test${++prefixes}:`,
  };
}

/** Collects log lines. */
export function lines() {
  const logged: string[] = [];
  return { logged, logger: { warn: (line: string) => logged.push(line), info: (line: string) => logged.push(line) } };
}

export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
