// How measurements are scheduled: round-robin across contenders, and a bounded number in flight.

/** The i-th rotation of `items`, so each repetition starts with a different contender. */
const rotate = <T>(items: readonly T[], i: number): T[] => {
  const k = i % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
};

/** One contender's repetitions, or why it could not run. */
export type Runs<T> = T[] | { error: string };

/**
 * Measures every id `repetitions` times, round-robin (never all of one id, then the next); an id
 * whose measurement throws keeps the error and is skipped from then on.
 */
export async function roundRobin<T>(
  ids: readonly string[],
  repetitions: number,
  measure: (id: string) => Promise<T>,
): Promise<Record<string, Runs<T>>> {
  const runs: Record<string, Runs<T>> = Object.fromEntries(ids.map((id) => [id, []]));
  for (let rep = 0; rep < repetitions; rep++) {
    for (const id of rotate(ids, rep)) {
      const own = runs[id];
      if (!Array.isArray(own)) continue;
      try {
        own.push(await measure(id));
      } catch (error) {
        runs[id] = { error: (error as Error).message };
      }
    }
  }
  return runs;
}

/** Runs `call` `total` times with at most `inFlight` calls outstanding. */
export async function pool(call: () => Promise<unknown>, total: number, inFlight: number): Promise<void> {
  let started = 0;
  const lane = async () => {
    while (started < total) {
      started++;
      await call();
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, total) }, lane));
}
