// Sequential latency and concurrent throughput, all contenders interleaved in one client process
// (workers/load.ts), apart from the server's process and from this one.
import { runnable } from "../build.ts";
import { runNode } from "../child.ts";
import type { LoadConfig, LoadResult } from "../workers/load.ts";

export const measureLoad = (config: LoadConfig): Promise<LoadResult> =>
  runNode([runnable("workers", "load"), JSON.stringify(config)]);
