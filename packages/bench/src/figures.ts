// From raw repetitions to the table's figures: medians, bases, units and our targets. The
// targets are the issue's, as ratios to the base unless stated otherwise.

import { BASELINE, OURS } from "./contenders/index.ts";
import type { BundleSize } from "./measures/bundle.ts";
import { BARE } from "./measures/cold-start.ts";
import type { Memory } from "./measures/memory.ts";
import type { PollingRun } from "./measures/polling.ts";
import type { Figure, Value } from "./report.ts";
import type { Runs } from "./schedule.ts";
import { median } from "./stats.ts";
import type { WebhookRate } from "./webhooks.ts";
import type { Latency, LoadResult } from "./workers/load.ts";

const NAIVE = "naive 2 s loop (raw fetch)";
const STANDARD_WEBHOOKS = "standardwebhooks";

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const MB = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MB`;
const ms = (value: number) => `${value < 10 ? value.toFixed(3) : value.toFixed(1)} ms`;
const perSecond = (value: number) => `${Math.round(value).toLocaleString("en-US")}/s`;

const atMost = (limit: number) => ({
  text: `≤ ${limit.toFixed(2)}×`,
  met: (_: number, ratio: number) => ratio <= limit,
});
const atLeast = (limit: number) => ({
  text: `≥ ${limit.toFixed(2)}×`,
  met: (_: number, ratio: number) => ratio >= limit,
});

/** The median of one quantity over each contender's repetitions. */
function medians<T>(
  runs: Record<string, Runs<T> | { error: string }>,
  pick: (run: T) => number,
): Record<string, Value> {
  return Object.fromEntries(
    Object.entries(runs).map(([id, own]) => [id, Array.isArray(own) ? median(own.map(pick)) : own]),
  );
}

export function bundleFigure(sizes: Record<string, BundleSize | { error: string }>): Figure {
  const values: Record<string, Value> = {};
  const notes: Record<string, string> = {};
  for (const [id, size] of Object.entries(sizes)) {
    values[id] = "error" in size ? size : size.gzip;
    if (!("error" in size)) notes[id] = `min ${kB(size.min)}, brotli ${kB(size.brotli)}`;
  }
  return { title: "browser bundle, gzip", base: BASELINE, better: "lower", format: kB, values, notes };
}

export function coldStartFigure(runs: Record<string, Runs<number>>, count: number): Figure {
  return {
    title: `cold start, import + construct (median of ${count})`,
    base: BARE,
    better: "lower",
    format: ms,
    values: medians(runs, (run) => run),
    target: atMost(1.3),
  };
}

export function loadFigures({ latency, throughput }: LoadResult, inFlight: number): Figure[] {
  const percentile = (title: string, pick: (run: Latency) => number) => ({
    title,
    base: BASELINE,
    better: "lower" as const,
    format: ms,
    values: medians(latency, pick),
  });
  return [
    { ...percentile("latency p50, sequential", (run) => run.p50), target: atMost(1.1) },
    percentile("latency p99, sequential", (run) => run.p99),
    {
      title: `throughput, ${inFlight} in flight`,
      base: BASELINE,
      better: "higher",
      format: perSecond,
      values: medians(throughput, (run) => run),
      // The Node package should reach raw fetch (the generic target is 0.90): it reuses connections.
      target: atLeast(1),
    },
  ];
}

export function memoryFigures(runs: Record<string, Runs<Memory>>, calls: number): Figure[] {
  return (["rss", "heap"] as const).map((key) => ({
    title: `memory ${key === "rss" ? "RSS" : "heap used"} after ${calls.toLocaleString("en-US")} calls, after GC`,
    base: BASELINE,
    better: "lower",
    format: MB,
    values: medians(runs, (run) => run[key]),
    target: atMost(1.2),
  }));
}

export function pollingFigure(
  result: { sdk: PollingRun; naive: PollingRun } | { error: string },
  taskSeconds: number,
): Figure {
  const runs = "error" in result ? { [OURS]: result, [NAIVE]: result } : { [OURS]: result.sdk, [NAIVE]: result.naive };
  return {
    title: `polling, requests for a ${taskSeconds} s task`,
    base: NAIVE,
    better: "lower",
    format: (value) => String(value),
    values: Object.fromEntries(Object.entries(runs).map(([id, run]) => [id, "error" in run ? run : run.requests])),
    notes: Object.fromEntries(
      Object.entries(runs).flatMap(([id, run]) =>
        "error" in run ? [] : [[id, `done after ${run.seconds.toFixed(1)} s`]],
      ),
    ),
    target: { text: "≤ 6 requests", met: (value) => value <= 6 },
  };
}

export function webhookFigures(rates: WebhookRate[] | { error: string }): Figure[] {
  const cases = "error" in rates ? [{ name: "verification", ours: rates, theirs: rates }] : rates;
  return cases.map(({ name, ours, theirs }) => ({
    title: `webhook verifications, ${name}`,
    base: STANDARD_WEBHOOKS,
    better: "higher",
    format: perSecond,
    values: { [OURS]: ours, [STANDARD_WEBHOOKS]: theirs },
    target: atLeast(1),
  }));
}
