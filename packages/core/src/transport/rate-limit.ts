// Reads the X-RateLimit-* headers that every response carries.

/** The key's quota as of the latest response. */
export interface RateLimit {
  limit: number;
  remaining: number;
  /** When the quota resets. */
  resetAt: Date;
}

const intHeader = (headers: Headers, name: string): number | undefined => {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === "") return undefined;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
};

export function parseRateLimit(headers: Headers): RateLimit | undefined {
  const limit = intHeader(headers, "x-ratelimit-limit");
  const remaining = intHeader(headers, "x-ratelimit-remaining");
  const reset = intHeader(headers, "x-ratelimit-reset");
  if (limit === undefined || remaining === undefined || reset === undefined) return undefined;
  return { limit, remaining, resetAt: new Date(reset * 1000) };
}
