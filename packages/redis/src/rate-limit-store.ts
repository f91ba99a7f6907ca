// The API key's quota shared on Redis, so N processes on one key hold together: once any of them
// is told `remaining: 0`, every one holds until the reset.
//
// Each process keeps a local copy that the client reads synchronously before every request. A
// report is merged into the local copy at once, then into Redis by a script that publishes the
// merged quota to every process. Merging: a later reset is a new window and replaces the quota;
// within a window the lowest `remaining` wins; an older window is ignored. The key expires at the
// reset, so the shared quota never outlives its window.
import type { RateLimit, RateLimitStore } from "@seedance/core";
import { connection, outageLog, type RedisClient, type RedisStateOptions, runOn } from "./connection.js";

export interface RedisRateLimitStore extends RateLimitStore {
  /** Closes the subscriber connection this creates; the client you passed stays open. */
  close(): Promise<void>;
}

const MERGE = `
local limit, remaining, reset = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local current = redis.call("GET", KEYS[1])
if current then
  local _, held, heldReset = string.match(current, "^(%d+):(%d+):(%d+)$")
  held, heldReset = tonumber(held), tonumber(heldReset)
  if heldReset > reset or (heldReset == reset and held <= remaining) then return current end
end
local merged = limit .. ":" .. remaining .. ":" .. reset
redis.call("SET", KEYS[1], merged, "PX", math.max(1, reset - tonumber(ARGV[4])))
redis.call("PUBLISH", KEYS[2], merged)
return merged`;

const encode = (quota: RateLimit) => [quota.limit, quota.remaining, quota.resetAt.getTime()] as const;

function decode(text: string | null): RateLimit | undefined {
  const match = text?.match(/^(\d+):(\d+):(\d+)$/);
  if (!match) return undefined;
  return { limit: Number(match[1]), remaining: Number(match[2]), resetAt: new Date(Number(match[3])) };
}

/** The quota to keep of two reports: the later window, and within one window the lower `remaining`. */
function mergeQuota(held: RateLimit | undefined, reported: RateLimit | undefined): RateLimit | undefined {
  if (!held || !reported) return held ?? reported;
  const [heldReset, reportedReset] = [held.resetAt.getTime(), reported.resetAt.getTime()];
  if (heldReset > reportedReset || (heldReset === reportedReset && held.remaining <= reported.remaining)) return held;
  return reported;
}

/**
 * A `RateLimitStore` shared through Redis: pass it as `new SeedanceClient({ rateLimitStore })` in
 * every process that uses the key (one `prefix` per key). Uses a second connection
 * (`client.duplicate()`) to hear other processes' reports. When Redis is unreachable each process
 * goes on with its own reports (the in-memory behaviour), logged once, and rejoins when it is back.
 */
export function createRedisRateLimitStore(client: RedisClient, options: RedisStateOptions = {}): RedisRateLimitStore {
  const { prefix, logger, run } = connection(client, options);
  const timeoutMs = options.commandTimeoutMs ?? 1000;
  const key = `${prefix}rate-limit`;
  const channel = `${prefix}rate-limit:changes`;
  const outage = outageLog(logger, "rate limits", "each process keeps its own quota");
  let local: RateLimit | undefined;
  const merge = (reported: RateLimit | undefined) => {
    local = mergeQuota(local, reported);
  };

  const subscriber = client.duplicate();
  if (subscriber.status === "wait") subscriber.connect().catch(() => {}); // a lazyConnect client's copy
  subscriber.on("error", (error: Error) => outage.down(error));
  subscriber.on("message", (_channel: string, message: string) => merge(decode(message)));
  // At the first connection and after an outage: listen, then catch up with what others reported.
  subscriber.on("ready", () => {
    runOn(subscriber, (redis) => redis.subscribe(channel), timeoutMs)
      .then(() => run((redis) => redis.get(key)))
      .then((stored) => {
        merge(decode(stored));
        outage.up();
      }, outage.down);
  });

  return {
    get: () => local,
    set(reported) {
      merge(reported);
      run((redis) => redis.eval(MERGE, 2, key, channel, ...encode(reported), Date.now())).then((merged) => {
        merge(decode(merged as string));
        outage.up();
      }, outage.down);
    },
    async close() {
      await subscriber.quit().catch(() => subscriber.disconnect());
    },
  };
}
