// Memory of one contender alone in a fresh process after a fixed number of calls: what the client,
// its module graph and its connection pool keep once the garbage is collected.
// Usage: node --expose-gc memory.mjs <module> <baseUrl> <calls> <inFlight>; prints { rss, heap } in bytes.
import { loadContender } from "../contender.ts";
import { pool } from "../schedule.ts";

const [module = "", baseUrl = "", calls = "0", inFlight = "1"] = process.argv.slice(2);
await pool(await loadContender(module, baseUrl), Number(calls), Number(inFlight));
// Twice, with a macrotask between: finalizers and weak references queued by the first pass go in the second.
globalThis.gc?.();
await new Promise((resolve) => setTimeout(resolve, 10));
globalThis.gc?.();
const { rss, heapUsed } = process.memoryUsage();
console.log(JSON.stringify({ rss, heap: heapUsed }));
