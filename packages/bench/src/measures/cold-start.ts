// Cold start: wall-clock time of a fresh process that imports a contender and constructs its
// client, beside a bare `node -e ""`, runs interleaved across contenders.
import { pathToFileURL } from "node:url";
import { timeNode } from "../child.ts";
import { type Runs, roundRobin } from "../schedule.ts";

export const BARE = 'bare node -e ""';

/** Milliseconds per run for each key of `modules`, and for `BARE`. */
export function measureColdStart(modules: Record<string, string>, runs: number): Promise<Record<string, Runs<number>>> {
  const commands: Record<string, string[]> = { [BARE]: ["-e", ""] };
  for (const [id, module] of Object.entries(modules)) {
    const source = `import { connect } from ${JSON.stringify(pathToFileURL(module).href)};\nconnect("http://127.0.0.1:9");`;
    commands[id] = ["--input-type=module", "-e", source];
  }
  return roundRobin(Object.keys(commands), runs, (id) => timeNode(commands[id] ?? []));
}
