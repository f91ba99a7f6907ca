// Soak: 10,000 calls at concurrency 64 with 10% random faults. Every call ends accounted for (a
// success or a typed error), nothing is generated twice, and memory stays flat.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { sendJson, startScriptedServer } from "@seedance/testkit";
import { expect, it } from "vitest";
import { APIError, SeedanceError } from "../../src/index.js";
import { errorBody, imageOk, imageParams, newClient } from "../behaviour/fixtures.js";
import { overEachTransport } from "../transports.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const CALLS = 10_000;
const CONCURRENCY = 64;
const FAULT_RATE = 0.1;

/** A seeded generator, so a failing soak replays the same faults. */
function mulberry32(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

overEachTransport(() => {
  it("10,000 calls at concurrency 64 with 10% faults: all accounted for, none generated twice, flat memory", async () => {
    const random = mulberry32(20261126);
    const generated = new Set<string>();
    let duplicates = 0;
    const server = await startScriptedServer((request, res) => {
      if (random() < FAULT_RATE) {
        const pick = random();
        if (pick < 0.25) return void res.socket?.destroy();
        if (pick < 0.5) return sendJson(res, 500, errorBody("INTERNAL_ERROR"), { "retry-after": "0" });
        if (pick < 0.75) return sendJson(res, 503, errorBody("SERVICE_UNAVAILABLE"), { "retry-after": "0" });
        return sendJson(res, 429, errorBody("RATE_LIMITED"), { "retry-after": "0" });
      }
      const key = String(request.headers["idempotency-key"]);
      // A real server answers a repeated key with the first result; count the keys it generated for.
      if (generated.has(key)) duplicates++;
      generated.add(key);
      sendJson(res, 200, imageOk);
    });
    // Records are kept only for the first requests; the rest of the soak must not grow memory.
    server.requests.length = 0;
    const client = newClient({ apiKey: "sk-test-soak", baseUrl: server.url, maxRetries: 2 });
    const outcomes = { success: 0, typedError: 0, other: [] as unknown[] };
    let heapAfterWarmUp = 0;
    let next = 0;
    const worker = async () => {
      while (next < CALLS) {
        const index = next++;
        await client.seedream.generate(imageParams).then(
          () => outcomes.success++,
          (error: unknown) =>
            error instanceof APIError || error instanceof SeedanceError
              ? outcomes.typedError++
              : outcomes.other.push(error),
        );
        server.requests.length = 0;
        if (index === 2000) {
          gc();
          heapAfterWarmUp = process.memoryUsage().heapUsed;
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    } finally {
      await server.stop();
    }
    gc();
    const growth = process.memoryUsage().heapUsed - heapAfterWarmUp;

    expect(outcomes.other).toEqual([]);
    expect(outcomes.success + outcomes.typedError).toBe(CALLS);
    // Three faults in a row (0.1%) exhaust the retries; everything else succeeds.
    expect(outcomes.typedError).toBeLessThan(CALLS * 0.005);
    expect(duplicates).toBe(0);
    expect(generated.size).toBe(outcomes.success);
    expect(growth).toBeLessThan(8 * 1024 * 1024);
  }, 120_000);
});
