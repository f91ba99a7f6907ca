// Latency and throughput of every contender in one client process, interleaved: all sequential
// batches round-robin, then all concurrent ones, each repetition starting from a different
// contender so none always runs first. No collection is forced between batches: tried, it slowed
// every contender and skewed the ratios.
// Usage: node load.mjs <LoadConfig as JSON>; prints { latency, throughput } per contender.
import { type Call, loadContender } from "../contender.ts";
import { pool, type Runs, roundRobin } from "../schedule.ts";
import { quantile } from "../stats.ts";

export interface LoadConfig {
  baseUrl: string;
  modules: Record<string, string>;
  repetitions: number;
  /** Calls per sequential batch, each timed on its own. */
  sequential: number;
  /** Calls per concurrent batch, `inFlight` at a time. */
  concurrent: number;
  inFlight: number;
}

/** One sequential batch's percentiles, in milliseconds. */
export interface Latency {
  p50: number;
  p99: number;
}

export interface LoadResult {
  latency: Record<string, Runs<Latency>>;
  /** Calls per second, one per concurrent batch. */
  throughput: Record<string, Runs<number>>;
}

const config = JSON.parse(process.argv[2] ?? "{}") as LoadConfig;
const calls = new Map<string, Call>();
const unable: Record<string, { error: string }> = {};

for (const [id, module] of Object.entries(config.modules)) {
  try {
    const call = await loadContender(module, config.baseUrl);
    // Warm-up, discarded: JIT, the connection pool, lazy imports. A call that fails shows here.
    await pool(call, config.sequential, 1);
    await pool(call, config.concurrent, config.inFlight);
    calls.set(id, call);
  } catch (error) {
    unable[id] = { error: (error as Error).message };
  }
}

const ids = [...calls.keys()];
const batch = <T>(measure: (call: Call) => Promise<T>) =>
  roundRobin(ids, config.repetitions, (id) => measure(calls.get(id) as Call));

const latency = await batch(async (call): Promise<Latency> => {
  const times: number[] = [];
  for (let i = 0; i < config.sequential; i++) {
    const start = performance.now();
    await call();
    times.push(performance.now() - start);
  }
  return { p50: quantile(times, 0.5), p99: quantile(times, 0.99) };
});
const throughput = await batch(async (call) => {
  const start = performance.now();
  await pool(call, config.concurrent, config.inFlight);
  return (config.concurrent * 1000) / (performance.now() - start);
});
const result: LoadResult = { latency: { ...unable, ...latency }, throughput: { ...unable, ...throughput } };
console.log(JSON.stringify(result));
