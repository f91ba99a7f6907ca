// Webhook verification throughput of seedance-sdk (core's verifier) beside the reference `standardwebhooks`
// library, measured in the same process: verifications per second, median of several rounds.
// Verifications run one after another, as a receiver handles one delivery at a time.
// Run on its own (`pnpm bench:webhooks`) it prints its own table; `pnpm bench` reuses `measureWebhooks`.

import { createRequire } from "node:module";
import { createWebhookVerifier, generateWebhookSecret, signWebhook, verifyWebhook } from "seedance-sdk";
import { Webhook } from "standardwebhooks";
import { median } from "./stats.ts";

const BATCH = 64;

const secret = generateWebhookSecret();
// The spec's own example of a task.completed delivery.
const spec = createRequire(import.meta.url)("@seedance/openapi/openapi.json");
const payload = spec.webhooks["task.completed"].post.requestBody.content["application/json"].examples.event.value;
/** Signed again when a measurement starts: the verifiers refuse a delivery older than 5 minutes as a replay. */
let delivery = await signWebhook(payload, secret);
const verifier = createWebhookVerifier(secret);
const reference = new Webhook(secret);

// Sequential calls measure latency-bound throughput; a burst of deliveries in flight at once is
// where Web Crypto's off-thread HMAC can overlap (the reference library is synchronous either way).
const cases = [
  {
    name: "reused verifier, 1 in flight",
    inFlight: 1,
    ours: () => verifier.verify(delivery.body, delivery.headers),
    theirs: () => reference.verify(delivery.body, delivery.headers),
  },
  {
    name: "reused verifier, 64 in flight",
    inFlight: 64,
    ours: () => verifier.verify(delivery.body, delivery.headers),
    theirs: () => reference.verify(delivery.body, delivery.headers),
  },
  {
    name: "one-shot, 1 in flight",
    inFlight: 1,
    ours: () => verifyWebhook(delivery.body, delivery.headers, secret),
    theirs: () => new Webhook(secret).verify(delivery.body, delivery.headers),
  },
];

/** Verifications per second over one round. Only promises are awaited, so sync code pays no tick. */
async function round(verify: () => unknown, inFlight: number, roundMs: number): Promise<number> {
  const start = performance.now();
  let count = 0;
  let elapsed = 0;
  while (elapsed < roundMs) {
    for (let i = 0; i < BATCH; i += inFlight) {
      const results = Array.from({ length: inFlight }, verify);
      if (results[0] instanceof Promise) await Promise.all(results);
    }
    count += BATCH;
    elapsed = performance.now() - start;
  }
  return (count * 1000) / elapsed;
}

export interface WebhookRate {
  name: string;
  /** Median verifications per second. */
  ours: number;
  theirs: number;
}

/** Each case's median rate over `rounds` rounds of `roundMs`, the two sides alternating. */
export async function measureWebhooks(rounds: number, roundMs: number): Promise<WebhookRate[]> {
  const rates: WebhookRate[] = [];
  delivery = await signWebhook(payload, secret);
  for (const { name, inFlight, ours, theirs } of cases) {
    await round(ours, inFlight, roundMs); // warm-up, discarded
    await round(theirs, inFlight, roundMs);
    const runs = { ours: [] as number[], theirs: [] as number[] };
    for (let i = 0; i < rounds; i++) {
      // Alternate which goes first, so neither always runs on a warmer or a busier machine.
      const order = i % 2 === 0 ? (["ours", "theirs"] as const) : (["theirs", "ours"] as const);
      for (const side of order) runs[side].push(await round(side === "ours" ? ours : theirs, inFlight, roundMs));
    }
    rates.push({ name, ours: median(runs.ours), theirs: median(runs.theirs) });
  }
  return rates;
}

if (import.meta.main) {
  const [ROUNDS, ROUND_MS] = [7, 400];
  const perSecond = (value: number) => `${Math.round(value).toLocaleString("en-US")}/s`.padStart(14);
  console.log(
    `Webhook verification, ${delivery.body.length}-byte body: median of ${ROUNDS} rounds of ${ROUND_MS} ms (Node ${process.version})`,
  );
  console.log(`${"".padEnd(32)}${"seedance-sdk".padStart(14)}${"standardwebhooks".padStart(18)}${"ratio".padStart(8)}`);
  for (const { name, ours, theirs } of await measureWebhooks(ROUNDS, ROUND_MS)) {
    console.log(
      `${name.padEnd(32)}${perSecond(ours)}${perSecond(theirs).padStart(18)}${`${(ours / theirs).toFixed(2)}×`.padStart(8)}`,
    );
  }
}
