// The fleet's journal: the same records in one Redis hash, so every worker sees every item. A put
// resolves once Redis acknowledged the write.
import type { Redis } from "ioredis";
import type { JobRecord, Journal } from "./records.js";

export interface RedisJournalOptions {
  /** Prepended to the hash's key (default `"seedance:jobs:"`); one per batch. */
  prefix?: string;
}

export function createRedisJournal(client: Redis, options: RedisJournalOptions = {}): Journal {
  const key = `${options.prefix ?? "seedance:jobs:"}items`;
  return {
    get: async (id) => {
      const text = await client.hget(key, id);
      return text ? (JSON.parse(text) as JobRecord) : undefined;
    },
    put: async (record) => {
      await client.hset(key, record.id, JSON.stringify(record));
    },
    list: async () => Object.values(await client.hgetall(key)).map((text) => JSON.parse(text) as JobRecord),
    // The client is the caller's: closing the journal leaves it open.
    close: async () => {},
  };
}
