// `pnpm bench`: every contender against one loopback server in its own process, every figure
// interleaved across contenders, then one table. `--quick` trades precision for a short run.
import { cpus, loadavg } from "node:os";
import { buildRunnables, runnable } from "./build.ts";
import { startNode } from "./child.ts";
import { CONTENDERS } from "./contenders/index.ts";
import {
  bundleFigure,
  coldStartFigures,
  loadFigures,
  memoryFigures,
  pollingFigure,
  webhookFigures,
} from "./figures.ts";
import { type BundleSize, measureBundle } from "./measures/bundle.ts";
import { measureColdStart } from "./measures/cold-start.ts";
import { measureLoad } from "./measures/load.ts";
import { measureMemory } from "./measures/memory.ts";
import { measurePolling } from "./measures/polling.ts";
import { report } from "./report.ts";
import { measureWebhooks } from "./webhooks.ts";

const quick = process.argv.includes("--quick");
const PLAN = quick
  ? {
      coldRuns: 5,
      repetitions: 2,
      sequential: 300,
      concurrent: 1000,
      memoryCalls: 2000,
      memoryRuns: 1,
      webhookRounds: 3,
    }
  : {
      coldRuns: 15,
      // Many short rounds rather than a few long ones: a burst of other work on the machine then
      // lands on every contender alike instead of on one contender's whole batch.
      repetitions: 10,
      sequential: 500,
      concurrent: 2000,
      memoryCalls: 10_000,
      memoryRuns: 3,
      webhookRounds: 7,
    };
const IN_FLIGHT = 64;
const TASK_SECONDS = 45;
const WEBHOOK_ROUND_MS = quick ? 200 : 400;

const started = performance.now();
// Other work on the machine moves every figure; the report shows how busy it was.
const loadAtStart = loadavg()[0] ?? 0;
const step = (what: string) => console.error(`[${((performance.now() - started) / 1000).toFixed(0)} s] ${what}`);
const failure = (error: unknown) => ({ error: (error as Error).message });

step("compiling contenders and workers");
await buildRunnables();
const modules = Object.fromEntries(CONTENDERS.map(({ id }) => [id, runnable("contenders", id)]));
const server = await startNode<{ url: string }>([runnable("workers", "server")]);
const baseUrl = server.ready.url;
try {
  // It mostly sleeps for TASK_SECONDS, so it runs beside everything else; its counts are not timings.
  const polling = measurePolling(TASK_SECONDS).catch(failure);

  step("browser bundles");
  const bundles: Record<string, BundleSize | { error: string }> = {};
  for (const { id, noBundle } of CONTENDERS) {
    bundles[id] = noBundle ? { error: noBundle } : await measureBundle(id).catch(failure);
  }

  step(`cold start, with and without a first request, ${PLAN.coldRuns} runs each`);
  const cold = await measureColdStart(modules, baseUrl, PLAN.coldRuns);

  step(`latency and throughput, ${PLAN.repetitions} repetitions`);
  // A crash of the shared client process leaves every contender without these figures, said so in each row.
  const { repetitions, sequential, concurrent } = PLAN;
  const load = await measureLoad({ baseUrl, modules, repetitions, sequential, concurrent, inFlight: IN_FLIGHT }).catch(
    (error: unknown) => {
      const everyone = Object.fromEntries(CONTENDERS.map(({ id }) => [id, failure(error)]));
      return { latency: everyone, throughput: everyone };
    },
  );

  step(`memory after ${PLAN.memoryCalls} calls, fresh processes per contender: ${PLAN.memoryRuns}`);
  const memory = await measureMemory(modules, {
    baseUrl,
    calls: PLAN.memoryCalls,
    inFlight: IN_FLIGHT,
    repetitions: PLAN.memoryRuns,
  });

  step("webhook verification");
  const webhooks = await measureWebhooks(PLAN.webhookRounds, WEBHOOK_ROUND_MS).catch(failure);

  step(`polling (a ${TASK_SECONDS} s task)`);
  const waits = await polling;

  await report(
    [
      bundleFigure(bundles),
      ...coldStartFigures(cold, PLAN.coldRuns),
      ...loadFigures(load, IN_FLIGHT),
      ...memoryFigures(memory, PLAN.memoryCalls),
      pollingFigure(waits, TASK_SECONDS),
      ...webhookFigures(webhooks),
    ],
    {
      run: quick ? "quick" : "full",
      date: new Date().toISOString(),
      node: process.version,
      cpu: `${cpus().length} × ${cpus()[0]?.model ?? "unknown"}`,
      seconds: Math.round((performance.now() - started) / 1000),
      "load average (1 min) at start → end": `${loadAtStart.toFixed(1)} → ${(loadavg()[0] ?? 0).toFixed(1)}`,
    },
  );
} finally {
  server.stop();
}
