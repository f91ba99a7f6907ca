// Which transport @seedance/node should use in Bun: the same client over Bun's fetch and over its
// node:http, against one loopback server in another process, interleaved. Run: pnpm bench:bun.
import { spawn } from "node:child_process";
import { SeedanceClient as CoreClient } from "@seedance/core";
import { httpTransport } from "seedance-sdk";
import { API_KEY, PROMPT } from "./contenders/request.ts";
import { pool } from "./schedule.ts";
import { median, quantile } from "./stats.ts";

const REPETITIONS = 5;
const SEQUENTIAL = 500;
const CONCURRENT = 2000;
const IN_FLIGHT = 64;

const server = spawn(process.execPath, [new URL("./workers/server.ts", import.meta.url).pathname], {
  stdio: ["ignore", "pipe", "inherit"],
});
const baseUrl = await new Promise<string>((resolve) =>
  server.stdout.once("data", (chunk: Buffer) => resolve(JSON.parse(String(chunk).split("\n")[0] ?? "").url)),
);
try {
  const transports = { fetch: undefined, "node:http": httpTransport() };
  const figures: Record<string, { p50: number[]; p99: number[]; throughput: number[] }> = {};
  const calls = Object.entries(transports).map(([name, transport]) => {
    const client = new CoreClient({ apiKey: API_KEY, baseUrl, transport });
    figures[name] = { p50: [], p99: [], throughput: [] };
    return { name, call: () => client.seedream.generate({ prompt: PROMPT, model: "seedream-4.5" }) };
  });
  for (const { call } of calls) await pool(call, CONCURRENT, IN_FLIGHT);
  for (let rep = 0; rep < REPETITIONS; rep++) {
    for (const { name, call } of rep % 2 ? [...calls].reverse() : calls) {
      const own = figures[name] as (typeof figures)[string];
      const times: number[] = [];
      for (let i = 0; i < SEQUENTIAL; i++) {
        const start = performance.now();
        await call();
        times.push(performance.now() - start);
      }
      own.p50.push(quantile(times, 0.5));
      own.p99.push(quantile(times, 0.99));
      const start = performance.now();
      await pool(call, CONCURRENT, IN_FLIGHT);
      own.throughput.push((CONCURRENT * 1000) / (performance.now() - start));
    }
  }
  console.log(`Bun ${process.versions.bun}: medians of ${REPETITIONS}`);
  for (const [name, own] of Object.entries(figures)) {
    const [p50, p99, rate] = [median(own.p50), median(own.p99), median(own.throughput)];
    console.log(`${name.padEnd(10)} p50 ${p50.toFixed(3)} ms  p99 ${p99.toFixed(3)} ms  ${Math.round(rate)}/s`);
  }
} finally {
  server.kill();
}
