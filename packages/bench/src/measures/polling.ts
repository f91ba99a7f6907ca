// Polling cost, measured by workers/polling.ts in its own process with its own sandbox: it mostly
// sleeps, so it runs alongside the other measures without disturbing them.
import { runnable } from "../build.ts";
import { runNode } from "../child.ts";

export interface PollingRun {
  requests: number;
  seconds: number;
}

export const measurePolling = (taskSeconds: number): Promise<{ sdk: PollingRun; naive: PollingRun }> =>
  runNode([runnable("workers", "polling"), String(taskSeconds)]);
