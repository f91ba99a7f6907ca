// Cold start: wall-clock time of a fresh process that imports a contender and constructs its
// client, and of one that also makes its first request, beside a bare `node -e ""`; runs
// interleaved across contenders. The process ends by itself, as an app's would: a client whose
// idle connections hold the event loop open pays for it here.
import { pathToFileURL } from "node:url";
import { timeNode } from "../child.ts";
import { type Runs, roundRobin } from "../schedule.ts";

export const BARE = 'bare node -e ""';

export interface ColdStart {
  construct: Record<string, Runs<number>>;
  firstRequest: Record<string, Runs<number>>;
}

/** Milliseconds per run for each key of `modules`, and for `BARE`; the first request goes to `baseUrl`. */
export async function measureColdStart(
  modules: Record<string, string>,
  baseUrl: string,
  runs: number,
): Promise<ColdStart> {
  const script = (module: string, call: boolean) =>
    `import { connect } from ${JSON.stringify(pathToFileURL(module).href)};\n` +
    (call ? `await connect(${JSON.stringify(baseUrl)})();` : `connect("http://127.0.0.1:9");`);
  const commands: Record<string, string[]> = { [BARE]: ["-e", ""] };
  for (const [id, module] of Object.entries(modules)) {
    commands[id] = ["--input-type=module", "-e", script(module, false)];
    commands[`${id} +request`] = ["--input-type=module", "-e", script(module, true)];
  }
  const all = await roundRobin(Object.keys(commands), runs, (id) => timeNode(commands[id] ?? []));
  const pick = (request: boolean) =>
    Object.fromEntries(
      Object.entries(all).flatMap(([id, value]) => {
        if (id === BARE) return [[id, value]];
        return id.endsWith(" +request") === request ? [[id.replace(" +request", ""), value]] : [];
      }),
    );
  return { construct: pick(false), firstRequest: pick(true) };
}
