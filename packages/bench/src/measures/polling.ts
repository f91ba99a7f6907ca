// Polling cost, measured by workers/polling.ts in its own process with its own sandbox: it mostly
// sleeps, so it runs alongside the other measures without disturbing them.
import { runnable } from "../build.ts";
import { runNode } from "../child.ts";

export interface PollingRun {
  requests: number;
  seconds: number;
}

export interface PollingRuns {
  /** `waitForCompletion` with no one watching. */
  sdk: PollingRun;
  /** `waitForCompletion` with an `onProgress`, and the progress values it reported. */
  watched: PollingRun & { progress: number[] };
  naive: PollingRun;
}

export const measurePolling = (taskSeconds: number): Promise<PollingRuns> =>
  runNode([runnable("workers", "polling"), String(taskSeconds)]);
