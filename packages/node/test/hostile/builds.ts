// The two builds every promise is checked over: the Node build (node:http) and the fetch build that
// edge runtimes, Deno and browsers run (@seedance/edge, over Node's own fetch here). In this process
// for what needs no measuring; in a child process for bodies, whose memory and exit are the point.
import { fileURLToPath } from "node:url";
import { SeedanceClient as FetchClient } from "@seedance/edge";
import { runProcess } from "@seedance/testkit";
import { SeedanceClient as NodeClient } from "../../src/index.js";

export const BUILDS = [
  { build: "node", name: "Node build", Client: NodeClient },
  { build: "fetch", name: "fetch build", Client: FetchClient },
] as const;

export type Build = (typeof BUILDS)[number]["build"];

/** What `call-in-child.mjs` printed: the error the caller's catch saw, and the peak memory. */
export interface ChildOutcome {
  caught: string | null;
  message?: string;
  limit?: number;
  status?: number;
  ms: number;
  maxRssKb: number;
}

const CHILD = fileURLToPath(new URL("./call-in-child.mjs", import.meta.url));

/**
 * Runs one `task.getStatus` against `baseUrl` in a fresh Node, killed with its group after 15 s; it
 * must exit 0 (a crash, an uncaught exception or a SIGTRAP rejects with its output).
 */
export async function callInChild(build: Build, baseUrl: string, options: object = {}): Promise<ChildOutcome> {
  const { stdout } = await runProcess(process.execPath, [CHILD, build, baseUrl, JSON.stringify(options)], {
    timeoutMs: 15_000,
  });
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "") as ChildOutcome;
}
