// The Redis rate-limit store: processes on one key share the lowest quota of a window, the state
// never outlives its reset, and an outage falls back to each process's own reports.
import { describe, expect, it } from "vitest";
import { createRedisRateLimitStore, type RedisRateLimitStore } from "../src/index.js";
import { eventually, lines, useRedis } from "./fixtures.js";

const redis = useRedis();
const quota = (remaining: number, resetAt: number) => ({ limit: 20, remaining, resetAt: new Date(resetAt) });

async function processes(count: number, options = {}) {
  const prefix = redis.prefix();
  const stores: RedisRateLimitStore[] = [];
  for (let i = 0; i < count; i++) stores.push(createRedisRateLimitStore(await redis.client(), { prefix, ...options }));
  // Each store listens on its own connection: wait until all of them do.
  const observer = await redis.client();
  await eventually(
    async () => ((await observer.pubsub("NUMSUB", `${prefix}rate-limit:changes`)) as [string, number])[1] === count,
    "every store listens",
  );
  return { stores, prefix, close: () => Promise.all(stores.map((store) => store.close())) };
}

describe("createRedisRateLimitStore", () => {
  it("makes every process hold once any of them sees remaining 0", async () => {
    const { stores, close } = await processes(3);
    const [a, b, c] = stores as [RedisRateLimitStore, RedisRateLimitStore, RedisRateLimitStore];
    const reset = Date.now() + 60_000;
    a.set(quota(5, reset));
    await eventually(() => c.get()?.remaining === 5, "C learned A's report");
    b.set(quota(0, reset));
    await eventually(() => a.get()?.remaining === 0 && c.get()?.remaining === 0, "everyone holds");
    expect(c.get()?.resetAt.getTime()).toBe(reset);
    await close();
  });

  it("keeps the lowest remaining within a window, takes a new window, ignores an older one", async () => {
    const { stores, prefix, close } = await processes(2);
    const [a, b] = stores as [RedisRateLimitStore, RedisRateLimitStore];
    const reset = Date.now() + 60_000;
    a.set(quota(3, reset));
    await eventually(() => b.get()?.remaining === 3, "B learned 3");
    b.set(quota(7, reset)); // a response that was slower to arrive
    a.set(quota(9, reset - 60_000)); // a response from the window before
    const stored = await (await redis.client()).get(`${prefix}rate-limit`);
    expect(stored).toBe(`20:3:${reset}`);
    expect([a.get()?.remaining, b.get()?.remaining]).toEqual([3, 3]);
    a.set(quota(19, reset + 60_000)); // the next window
    await eventually(() => b.get()?.remaining === 19, "B moved to the new window");
    await close();
  });

  it("expires the shared quota at its reset", async () => {
    const { stores, prefix, close } = await processes(1);
    const client = await redis.client();
    stores[0]?.set(quota(0, Date.now() + 1500));
    await eventually(async () => (await client.pttl(`${prefix}rate-limit`)) > 0, "stored with an expiry");
    expect(await client.pttl(`${prefix}rate-limit`)).toBeLessThanOrEqual(1500);
    await eventually(async () => (await client.exists(`${prefix}rate-limit`)) === 0, "gone after the reset", 5000);
    await close();
  });

  it("falls back to each process's own reports while Redis is down, logs once, and rejoins", async () => {
    const log = lines();
    const { stores, close } = await processes(2, { logger: log.logger, commandTimeoutMs: 300 });
    const [a, b] = stores as [RedisRateLimitStore, RedisRateLimitStore];
    const reset = Date.now() + 60_000;
    await redis.server.stop();
    a.set(quota(4, reset));
    a.set(quota(2, reset));
    expect(a.get()?.remaining).toBe(2); // its own reports still count
    await eventually(() => log.logged.some((line) => line.includes("keeps its own quota")), "the outage logged");
    await new Promise((resolve) => setTimeout(resolve, 200));
    const warnings = log.logged.filter((line) => line.includes("keeps its own quota"));
    expect(warnings.length).toBeLessThanOrEqual(2); // once per store
    expect(b.get()).toBeUndefined();

    await redis.server.start();
    await eventually(() => log.logged.some((line) => line.includes("Redis is back")), "rejoined");
    // Every response reports the quota again; once A's connection is back, B hears it.
    await eventually(() => {
      a.set(quota(1, reset));
      return b.get()?.remaining === 1;
    }, "B hears A again");
    await close();
  });
});
