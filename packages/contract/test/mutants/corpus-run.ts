// Runs our checker over the corpus: one simulator (the real @seedance/sandbox server) shared by
// every mutant, each mutant with a key of its own (so quotas and tasks do not mix), a few at a time.
import { startSandboxServer } from "@seedance/sandbox";
import { type ContractReport, runContract } from "../../src/index.ts";
import { MUTANTS, type Mutant } from "./corpus.ts";
import { type MutantServer, startMutantServer } from "./server.ts";

/** Short tasks (seen queued, processing and completed within a couple of seconds), a tiny free tier. */
export const SIMULATOR_OPTIONS = { taskSeconds: 2, tiers: { free: 3 } } as const;
/** The time budget per request in the corpus runs: the slow mutant is caught in seconds, not 40. */
export const CORPUS_REQUEST_TIMEOUT_MS = 8_000;

export interface Corpus {
  simulatorUrl: string;
  /** Starts a mutant (or, without one, the correct server) with a fresh defect instance. */
  start(mutant: Mutant | undefined, apiKey: string): Promise<MutantServer>;
  stop(): Promise<void>;
}

export async function startCorpus(): Promise<Corpus> {
  const simulator = await startSandboxServer(SIMULATOR_OPTIONS);
  const servers: MutantServer[] = [];
  return {
    simulatorUrl: simulator.url,
    async start(mutant, apiKey) {
      const server = await startMutantServer(simulator.url, mutant?.make({ apiKey }));
      servers.push(server);
      return server;
    },
    async stop() {
      await Promise.all(servers.map((server) => server.stop()));
      await simulator.stop();
    },
  };
}

export const keyFor = (name: string) => `sk-test-mutant-${name}-${process.pid}`;

/** Our checker against `mutant` (or the correct server). */
export async function checkMutant(corpus: Corpus, mutant: Mutant | undefined): Promise<ContractReport> {
  const apiKey = keyFor(mutant?.name ?? "correct");
  const server = await corpus.start(mutant, apiKey);
  try {
    return await runContract({
      baseUrl: server.url,
      apiKey,
      sandbox: mutant?.sandbox ?? false,
      seed: 1,
      requestTimeoutMs: CORPUS_REQUEST_TIMEOUT_MS,
      maxTimeMs: 150_000,
    });
  } finally {
    await server.stop();
  }
}

/** Runs `each` over the items, `limit` at a time, keeping their order in the results. */
export async function inPool<T, R>(items: T[], limit: number, each: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await each(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

export { MUTANTS };
