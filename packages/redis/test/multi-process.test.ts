// Four app instances, each its own Node process installed from the packed tarballs, sharing one
// real redis-server, against the sandbox: webhooks handled once, waits woken across instances,
// and one quota held together.
import { execFile } from "node:child_process";
import { once } from "node:events";
import { readFile, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage } from "node:http";
import { join } from "node:path";
import { type Sandbox, startSandbox } from "@seedance/sandbox";
import { type RedisServer, startRedisServer } from "@seedance/testkit";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Instance, packedApp, startInstance } from "./packed.js";

let redis: RedisServer;
let sandbox: Sandbox;
let app: Awaited<ReturnType<typeof packedApp>> | undefined;
let instances: Instance[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
  // Windows long enough that four processes use the quota up even on a loaded machine.
  sandbox = await startSandbox({
    taskSeconds: 2,
    tiers: { free: 20 },
    rateLimitWindowSeconds: 6,
    webhookRetryDelaysMs: [500, 500, 500, 500],
  });
  app = await packedApp();
  const env = { REDIS_URL: redis.url, SANDBOX_URL: sandbox.url, WEBHOOK_SECRET: sandbox.webhookSecret, PREFIX: "app:" };
  instances = await Promise.all([0, 1, 2, 3].map(() => startInstance((app as { dir: string }).dir, env)));
}, 240_000);

afterAll(async () => {
  for (const instance of instances) instance.kill();
  await sandbox?.stop();
  await redis?.close();
  await app?.remove();
});

const readBody = async (request: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

it("handles each delivery once when its duplicates reach A, B and C at the same time", async () => {
  const [a, b, c] = instances as [Instance, Instance, Instance];
  // Stands between the sandbox and the app: each delivery goes to A, and at the same moment a copy to each of A, B and C.
  const deliveries = new Set<string>();
  const acknowledged = new Set<string>();
  let inFlight = 0;
  const relay = createServer(async (request, response) => {
    inFlight++;
    const body = await readBody(request);
    const headers = Object.fromEntries(
      ["content-type", "webhook-id", "webhook-timestamp", "webhook-signature"].map((name) => [
        name,
        String(request.headers[name]),
      ]),
    );
    const id = headers["webhook-id"] as string;
    deliveries.add(id);
    const send = (url: string) => fetch(url, { method: "POST", headers, body }).then((answer) => answer.status);
    const [status] = await Promise.all([send(a.url), send(a.url), send(b.url), send(c.url)]);
    // A 503 (Redis too slow under load) is retried by the sandbox, as Seedance would.
    if (status === 204) acknowledged.add(id);
    response.writeHead(status ?? 500).end();
    inFlight--;
  }).listen(0, "127.0.0.1");
  await once(relay, "listening");
  try {
    const relayUrl = `http://127.0.0.1:${(relay.address() as { port: number }).port}/`;
    const apiKey = "sk-test-duplicates";
    const { SeedanceClient } = await import("@seedance/node");
    const client = new SeedanceClient({ apiKey, baseUrl: sandbox.url });
    const videos = await Promise.all(
      [1, 2, 3].map(() =>
        client.seedance.generate({ prompt: "Waves", model: "seedance-1.0", duration: 5, webhookUrl: relayUrl }),
      ),
    );
    await Promise.all(videos.map((video) => client.task.waitForCompletion(video.taskId, { pollInterval: 500 })));
    // The last deliveries may still be on their way after the final status.
    const settled = Date.now() + 20_000;
    while (inFlight > 0 || acknowledged.size < deliveries.size || deliveries.size < 9) {
      if (Date.now() > settled) throw new Error(`${acknowledged.size} of ${deliveries.size} deliveries acknowledged`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const handled = (
      await Promise.all(instances.slice(0, 3).map((instance) => instance.call<string[]>("handled")))
    ).flat();
    console.log(
      `duplicates: ${deliveries.size} deliveries, each sent 4 times to A, A, B, C; handled ${handled.length} times`,
    );
    expect(deliveries.size).toBeGreaterThanOrEqual(3 * 3); // progress steps and a completion per task
    expect(handled.sort()).toEqual([...deliveries].sort());
  } finally {
    relay.close();
  }
});

it("resolves a wait in B from the webhook A received, with at most two polls", async () => {
  const [a, b] = instances as [Instance, Instance];
  const result = await b.call<{ status: string; polls: number }>("wait", { apiKey: "sk-test-wait", webhookUrl: a.url });
  console.log(`wait in B woken by A's webhook: ${result.polls} polls`);
  expect(result.status).toBe("completed");
  expect(result.polls).toBeGreaterThanOrEqual(1);
  expect(result.polls).toBeLessThanOrEqual(2);
});

it("keeps four processes × 25 calls on a 20-per-window key free of 429s, none sleeping 1 s past the reset", async () => {
  const apiKey = "sk-test-free-shared";
  const created = await fetch(`${sandbox.url}/v1/seedance/generate`, {
    method: "POST",
    headers: { Authorization: `Bearer ${apiKey}`, "Content-Type": "application/json" },
    body: JSON.stringify({ prompt: "Waves", model: "seedance-1.0", duration: 5 }),
  });
  const taskId = (await created.json()).data.task_id as string;
  type Report = { errors: string[]; requests: number; tooMany: number; sleeps: number; maxPastResetMs: number };
  const reports = await Promise.all(
    instances.map((instance) => instance.call<Report>("calls", { apiKey, taskId, count: 25 })),
  );
  const tooMany = reports.reduce((sum, report) => sum + report.tooMany, 0);
  const requests = reports.reduce((sum, report) => sum + report.requests, 0);
  const latest = Math.max(...reports.map((report) => report.maxPastResetMs));
  console.log(
    `rate limits: 4 × 25 calls, ${requests} requests, ${tooMany} answered 429 and retried, 0 reaching a caller; ` +
      `${reports.map((report) => report.sleeps).join("/")} sleeps, latest ${latest} ms past the reset`,
  );
  expect(reports.flatMap((report) => report.errors)).toEqual([]);
  expect(latest).toBeLessThan(1000);
  // Without the shared quota each process would spend a 429 at every reset it learns on its own.
  expect(reports.every((report) => report.sleeps > 0)).toBe(true);
}, 120_000);

it("answers 503 while Redis is down and handles each retried delivery once after it restarts", async () => {
  const { signWebhook } = await import("@seedance/node");
  const receivers = instances.slice(0, 3);
  const payload = {
    event: "task.completed",
    timestamp: "2026-01-01T00:00:00Z",
    data: { task_id: "t-restart", status: "completed" },
  };
  // Each delivery to A, B and C at once; the answers, in that order.
  const deliver = async (id: string) => {
    const { body, headers } = await signWebhook(payload, sandbox.webhookSecret, { id });
    return Promise.all(
      receivers.map(async (instance) => (await fetch(instance.url, { method: "POST", body, headers })).status),
    );
  };
  const before = ["msg_restart_1", "msg_restart_2"];
  const during = ["msg_restart_3", "msg_restart_4"];
  for (const id of before) expect(await deliver(id)).toEqual([204, 204, 204]);

  const outageLogged = async () =>
    (await Promise.all(receivers.map((instance) => instance.call<string[]>("logs")))).some((lines) =>
      lines.some((line) => line.includes("fall back to polling")),
    );
  await redis.stop();
  for (const id of during) expect(await deliver(id)).toEqual([503, 503, 503]);
  // Long enough an outage for the task events to notice it (their connection's own close), not a blip.
  for (const deadline = Date.now() + 10_000; !(await outageLogged()) && Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await redis.start();
  // The sender retries what was not acknowledged until the instances are reconnected.
  for (const id of during) {
    const deadline = Date.now() + 20_000;
    let answers = await deliver(id);
    while (answers.includes(503) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      answers = await deliver(id);
    }
    expect(answers).toEqual([204, 204, 204]);
  }
  const handled = (await Promise.all(receivers.map((instance) => instance.call<string[]>("handled"))))
    .flat()
    .filter((id) => id.startsWith("msg_restart"));
  const logs = await Promise.all(receivers.map((instance) => instance.call<string[]>("logs")));
  const outageLines = logs.map((lines) => lines.filter((line) => line.includes("fall back to polling")).length);
  console.log(
    `redis restart: ${handled.length} of ${before.length + during.length} deliveries handled, each once; outage lines per instance: ${outageLines.join("/")}`,
  );
  expect(handled.sort()).toEqual([...before, ...during].sort());
  // The task events noticed the outage: one line per instance, not one per failed command.
  expect(outageLines.every((count) => count <= 1)).toBe(true);
  expect(outageLines.some((count) => count === 1)).toBe(true);
});

it("runs the README's example: an instance that receives its own webhook and waits on Redis", async () => {
  const readme = await readFile(new URL("../README.md", import.meta.url), "utf8");
  const example = readme.match(/```js\n(\/\/ app\.mjs[\s\S]*?)```/)?.[1];
  expect(example).toBeDefined();
  const dir = (app as { dir: string }).dir;
  await writeFile(join(dir, "app.mjs"), example as string);
  const env = {
    PATH: process.env.PATH,
    REDIS_URL: redis.url,
    SEEDANCE_API_KEY: sandbox.apiKey,
    SEEDANCE_BASE_URL: sandbox.url,
    SEEDANCE_WEBHOOK_SECRET: sandbox.webhookSecret,
  };
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(
      process.execPath,
      ["app.mjs"],
      { cwd: dir, env, timeout: 60_000, killSignal: "SIGKILL" },
      (error, out, err) =>
        error ? reject(new Error(`node app.mjs failed: ${error.message}\n${out}\n${err}`)) : resolve(out),
    );
  });
  expect(stdout).toMatch(/^completed http/);
}, 90_000);
