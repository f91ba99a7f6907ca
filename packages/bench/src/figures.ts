// From raw repetitions to the table's figures: medians, bases, units and our targets. The
// targets are issue 14's goals, as ratios to the base unless stated otherwise, for the Node build
// (OURS) and the fetch build (OURS_FETCH) each.

import { BASELINE, OURS, OURS_FETCH } from "./contenders/index.ts";
import type { BundleSize } from "./measures/bundle.ts";
import { BARE, type ColdStart } from "./measures/cold-start.ts";
import type { Memory } from "./measures/memory.ts";
import type { PollingRuns } from "./measures/polling.ts";
import type { Figure, Target, Value } from "./report.ts";
import type { Runs } from "./schedule.ts";
import { median } from "./stats.ts";
import type { WebhookRate } from "./webhooks.ts";
import type { Latency, LoadResult } from "./workers/load.ts";

const NAIVE = "naive 2 s loop (raw fetch)";
const WATCHED = "seedance-sdk with onProgress (a progress bar)";
const STANDARD_WEBHOOKS = "standardwebhooks";

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const MB = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MB`;
const ms = (value: number) => `${value < 10 ? value.toFixed(3) : value.toFixed(1)} ms`;
const perSecond = (value: number) => `${Math.round(value).toLocaleString("en-US")}/s`;

const atMost = (limit: number): Target => ({
  text: `≤ ${limit.toFixed(2)}×`,
  met: (_, ratio) => ratio <= limit,
});
const atLeast = (limit: number): Target => ({
  text: `≥ ${limit.toFixed(2)}×`,
  met: (_, ratio) => ratio >= limit,
});
const sizeAtMost = (kilobytes: number): Target => ({
  text: `≤ ${kilobytes.toFixed(1)} kB`,
  met: (value) => value <= kilobytes * 1024,
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
  return {
    title: "browser bundle, gzip",
    base: BASELINE,
    better: "lower",
    format: kB,
    values,
    notes,
    targets: { [OURS]: sizeAtMost(6), [OURS_FETCH]: sizeAtMost(6.5) },
  };
}

export function coldStartFigures({ construct, firstRequest }: ColdStart, count: number): Figure[] {
  const figure = (title: string, runs: Record<string, Runs<number>>, limit: number): Figure => ({
    title: `cold start, ${title}, fresh process (median of ${count})`,
    base: BARE,
    better: "lower",
    format: ms,
    values: medians(runs, (run) => run),
    targets: { [OURS]: atMost(limit) },
  });
  return [
    figure("import + construct", construct, 1.25),
    figure("import + construct + first request", firstRequest, 1.6),
  ];
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
    {
      ...percentile("latency p50, sequential", (run) => run.p50),
      targets: { [OURS]: atMost(0.8), [OURS_FETCH]: atMost(1.1) },
    },
    { ...percentile("latency p99, sequential", (run) => run.p99), targets: { [OURS]: atMost(1) } },
    {
      title: `throughput, ${inFlight} in flight`,
      base: BASELINE,
      better: "higher",
      format: perSecond,
      values: medians(throughput, (run) => run),
      targets: { [OURS]: atLeast(1.5), [OURS_FETCH]: atLeast(0.95) },
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
    targets: { [OURS]: atMost(1.2), [OURS_FETCH]: atMost(1.2) },
  }));
}

export function pollingFigure(result: PollingRuns | { error: string }, taskSeconds: number): Figure {
  const runs =
    "error" in result
      ? { [OURS]: result, [WATCHED]: result, [NAIVE]: result }
      : { [OURS]: result.sdk, [WATCHED]: result.watched, [NAIVE]: result.naive };
  const note = (run: PollingRuns[keyof PollingRuns]) =>
    `done after ${run.seconds.toFixed(1)} s${"progress" in run ? `, progress seen: ${run.progress.join(", ")}` : ""}`;
  return {
    title: `polling, requests for a ${taskSeconds} s task`,
    base: NAIVE,
    better: "lower",
    format: (value) => String(value),
    values: Object.fromEntries(Object.entries(runs).map(([id, run]) => [id, "error" in run ? run : run.requests])),
    notes: Object.fromEntries(Object.entries(runs).flatMap(([id, run]) => ("error" in run ? [] : [[id, note(run)]]))),
    // Unwatched: the first poll at the estimate. Watched: about five polls across it, then the backoff.
    targets: {
      [OURS]: { text: "≤ 6 requests", met: (value) => value <= 6 },
      [WATCHED]: { text: "≤ 8 requests", met: (value) => value <= 8 },
    },
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
    targets: { [OURS]: atLeast(1) },
  }));
}
