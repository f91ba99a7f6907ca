// One API call in a process of its own, so a test can see how it ends (exit code, the error the
// caller's catch saw) and how much memory it took: node call-in-child.mjs <node|fetch> <baseUrl> [options JSON]
// prints one JSON line: { caught, message, limit, status, ms, maxRssKb }.
const [build, baseUrl, options = "{}"] = process.argv.slice(2);
// The Node build sends over node:http, the fetch build (edge runtimes, Deno, browsers) over fetch.
const { SeedanceClient } = await import(build === "node" ? "@seedance/node" : "@seedance/edge");
const client = new SeedanceClient({ apiKey: "sk-hostile-child", baseUrl, maxRetries: 0, ...JSON.parse(options) });
const started = Date.now();
let outcome;
try {
  await client.task.getStatus("task-1");
  outcome = { caught: null };
} catch (error) {
  outcome = { caught: error?.name, message: String(error?.message), limit: error?.limit, status: error?.status };
}
// ru_maxrss: the process's peak resident memory as the kernel measured it, in KiB.
console.log(JSON.stringify({ ...outcome, ms: Date.now() - started, maxRssKb: process.resourceUsage().maxRSS }));
