// Memory after a fixed number of calls, each contender alone in a fresh process per repetition
// (a shared heap would blur who keeps what), repetitions interleaved across contenders.
import { runnable } from "../build.ts";
import { runNode } from "../child.ts";
import { type Runs, roundRobin } from "../schedule.ts";

export interface Memory {
  rss: number;
  heap: number;
}

export function measureMemory(
  modules: Record<string, string>,
  options: { baseUrl: string; calls: number; inFlight: number; repetitions: number },
): Promise<Record<string, Runs<Memory>>> {
  return roundRobin(Object.keys(modules), options.repetitions, (id) =>
    runNode<Memory>([
      "--expose-gc",
      runnable("workers", "memory"),
      String(modules[id]),
      options.baseUrl,
      String(options.calls),
      String(options.inFlight),
    ]),
  );
}
