// The webhook handler's dedupe store on Redis, shared by every instance that receives deliveries.
import type { WebhookIdStore } from "@seedance/edge";
import { connection, type RedisClient, type RedisStateOptions } from "./connection.js";

// Deletes the claim only if this store made it: a late release never frees another instance's claim.
const RELEASE_OWN = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) end return 0`;

/**
 * `claim` is `SET key owner NX EX ttl`, `release` deletes the key if this store still owns it. Both
 * throw `RedisUnavailableError` when Redis cannot be reached: the handler then answers 503, so the
 * sender retries later and no delivery is handled twice (it fails closed).
 */
export function createRedisWebhookIdStore(client: RedisClient, options: RedisStateOptions = {}): WebhookIdStore {
  const { prefix, run } = connection(client, options);
  const key = (id: string) => `${prefix}webhook:${id}`;
  const owner = crypto.randomUUID();
  const release = (id: string) => run((redis) => redis.eval(RELEASE_OWN, 1, key(id), owner));
  return {
    async claim(id, ttlSeconds) {
      try {
        return (await run((redis) => redis.set(key(id), owner, "EX", ttlSeconds, "NX"))) === "OK";
      } catch (error) {
        // A claim whose answer was lost (a timeout) may still have been made: undo it, so the
        // sender's retry is handled rather than taken for a duplicate.
        release(id).catch(() => {});
        throw error;
      }
    },
    async release(id) {
      await release(id);
    },
  };
}
