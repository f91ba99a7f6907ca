// A fresh idempotency key per logical call. crypto.randomUUID exists only in secure contexts in
// browsers, so fall back to building a v4 UUID from getRandomValues.
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  // Each digit of the template is replaced by a random one: a 0 or 1 fully random, the 8 as one of
  // 8, 9, a and b (the variant); the 4 (the version) stays.
  const bytes = crypto.getRandomValues(new Uint8Array(31));
  let i = 0;
  return "10000000-1000-4000-8000-100000000000".replace(/[018]/g, (digit) =>
    (Number(digit) ^ ((bytes[i++] as number) & (15 >> (Number(digit) / 4)))).toString(16),
  );
}
