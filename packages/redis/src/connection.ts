// Every Redis command goes through `run`: it fails fast when the connection is down (instead of
// queueing behind a reconnect) and after a timeout, so no caller waits on an unreachable Redis.
import { Redis, type RedisOptions } from "ioredis";

/** A connected ioredis client: your own, or one from `createRedisClient`. */
export type RedisClient = Redis;

/** Where the package writes its one line per outage and per recovery (default `console`). */
export type RedisLogger = Pick<Console, "warn" | "info">;

export interface RedisStateOptions {
  /** Prepended to every key and channel (default `"seedance:"`); give each app (and API key) its own. */
  prefix?: string;
  /** Milliseconds a command may take before Redis counts as unreachable (default 1000). */
  commandTimeoutMs?: number;
  logger?: RedisLogger;
}

/** Redis could not be reached (down, disconnected, or too slow). */
export class RedisUnavailableError extends Error {
  override name = "RedisUnavailableError";
}

/**
 * An ioredis client set up to fail fast: no offline queue, one attempt per command, reconnects with
 * a capped backoff. It connects at once; `await once(client, "ready")` before the first command.
 */
export function createRedisClient(url = "redis://127.0.0.1:6379", options: RedisOptions = {}): RedisClient {
  return new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => Math.min(100 * attempt, 2000),
    ...options,
  });
}

export interface Connection {
  client: RedisClient;
  prefix: string;
  logger: RedisLogger;
  run<T>(command: (client: RedisClient) => Promise<T>): Promise<T>;
}

export function connection(client: RedisClient, options: RedisStateOptions): Connection {
  const timeoutMs = options.commandTimeoutMs ?? 1000;
  if (!(timeoutMs > 0)) throw new RangeError(`commandTimeoutMs must be positive, got ${timeoutMs}`);
  return {
    client,
    prefix: options.prefix ?? "seedance:",
    logger: options.logger ?? console,
    run: (command) => runOn(client, command, timeoutMs),
  };
}

export async function runOn<T>(
  client: RedisClient,
  command: (client: RedisClient) => Promise<T>,
  timeoutMs: number,
): Promise<T> {
  if (client.status !== "ready") throw new RedisUnavailableError(`Redis is not connected (${client.status}).`);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new RedisUnavailableError(`Redis did not answer within ${timeoutMs} ms.`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([command(client), timeout]);
  } catch (error) {
    if (error instanceof RedisUnavailableError) throw error;
    throw new RedisUnavailableError(`Redis failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
  }
}

/** Logs the start of an outage once and its end once, however many commands fail in between. */
export function outageLog(logger: RedisLogger, what: string, fallback: string) {
  let down = false;
  return {
    down(error: unknown): void {
      if (down) return;
      down = true;
      const reason = error instanceof Error ? error.message : String(error);
      logger.warn(`[seedance/redis] ${what}: ${reason.replace(/\.$/, "")}; ${fallback} until Redis is back.`);
    },
    up(): void {
      if (!down) return;
      down = false;
      logger.info(`[seedance/redis] ${what}: Redis is back.`);
    },
  };
}
