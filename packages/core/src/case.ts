// The one generic mapping between the wire's snake_case and TypeScript's camelCase, at the type
// level and at run time. Every public shape is derived from a generated type through it, so no
// field is ever renamed by hand.

/** `S` in camelCase. */
export type CamelString<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<CamelString<Tail>>}`
  : S;

/** `S` in snake_case. */
export type SnakeString<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeString<Tail>}`
  : S;

/** `T` with every object key, at every depth, in camelCase. */
export type CamelCase<T> = T extends readonly (infer Item)[]
  ? CamelCase<Item>[]
  : T extends object
    ? { [K in keyof T as K extends string ? CamelString<K> : K]: CamelCase<T[K]> }
    : T;

/** `T` with every object key, at every depth, in snake_case. */
export type SnakeCase<T> = T extends readonly (infer Item)[]
  ? SnakeCase<Item>[]
  : T extends object
    ? { [K in keyof T as K extends string ? SnakeString<K> : K]: SnakeCase<T[K]> }
    : T;

/**
 * Remembers conversions: an API's keys are a small vocabulary, and a regex replace per key per
 * response (or webhook) is most of the mapping's cost. Bounded, in case keys are not a vocabulary.
 */
function memoized(convert: (key: string) => string): (key: string) => string {
  const seen = new Map<string, string>();
  return (key) => {
    let converted = seen.get(key);
    if (converted === undefined) {
      if (seen.size >= 1000) seen.clear();
      converted = convert(key);
      seen.set(key, converted);
    }
    return converted;
  };
}

const camelOf = /* @__PURE__ */ memoized((key) => key.replace(/_([a-z0-9])/g, (_, char: string) => char.toUpperCase()));
// Most keys have no underscore: they skip the lookup.
const camelKey = (key: string) => (key.includes("_") ? camelOf(key) : key);
const snakeKey = /* @__PURE__ */ memoized((key) => key.replace(/[A-Z]/g, (char) => `_${char.toLowerCase()}`));

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Renames every plain-object key with `rename`, and maps every string with `text` when given. */
function mapKeys(value: unknown, rename: (key: string) => string, text?: (value: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => mapKeys(item, rename, text));
  if (value === null || typeof value !== "object" || !isPlainObject(value)) {
    return text && typeof value === "string" ? text(value) : value;
  }
  const out: Record<string, unknown> = {};
  // for-in rather than Object.entries: no pair arrays; a plain object has no inherited enumerable keys.
  for (const key in value) out[rename(key)] = mapKeys((value as Record<string, unknown>)[key], rename, text);
  return out;
}

/** Deeply renames plain-object keys from snake_case to camelCase. */
export const toCamelCase = <T>(value: T): CamelCase<T> => mapKeys(value, camelKey) as CamelCase<T>;

/** `toCamelCase`, with every string, keys included, passed through `text` first (server text on its way into an error). */
export const toCamelCaseText = (value: unknown, text: (value: string) => string): unknown =>
  mapKeys(value, (key) => camelKey(text(key)), text);

/** Deeply renames plain-object keys from camelCase to snake_case. */
export const toSnakeCase = <T>(value: T): SnakeCase<T> => mapKeys(value, snakeKey) as SnakeCase<T>;
