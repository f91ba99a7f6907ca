// The in-memory default of the edge package's stores (webhook ids, quota counts): entries that expire,
// with at most `maxEntries` kept.

export interface MemoryStoreOptions {
  /** The most entries kept; the oldest are dropped beyond it (default 10000). */
  maxEntries?: number;
  /** The clock, in milliseconds; defaults to the system's. */
  now?: () => number;
}

export interface ExpiringMap<T> {
  /** The clock the map reads, in milliseconds. */
  now: () => number;
  /** The unexpired entry of `key`, if any. */
  get(key: string): T | undefined;
  /** Stores `value` until `expiresAt`, first dropping expired entries and the oldest beyond the cap. */
  set(key: string, value: T, expiresAt: number): void;
  delete(key: string): void;
}

export function createExpiringMap<T>(options: MemoryStoreOptions): ExpiringMap<T> {
  const { maxEntries = 10_000, now = Date.now } = options;
  if (!(maxEntries >= 1)) throw new RangeError(`maxEntries must be at least 1, got ${maxEntries}`);
  // Insertion order is set order, so with one TTL the oldest (and the first to expire) come first.
  const entries = new Map<string, { value: T; expiresAt: number }>();
  return {
    now,
    get(key) {
      const entry = entries.get(key);
      return entry && entry.expiresAt > now() ? entry.value : undefined;
    },
    set(key, value, expiresAt) {
      const time = now();
      entries.delete(key);
      for (const [oldKey, old] of entries) {
        if (old.expiresAt > time && entries.size < maxEntries) break;
        entries.delete(oldKey);
      }
      entries.set(key, { value, expiresAt });
    },
    delete(key) {
      entries.delete(key);
    },
  };
}
