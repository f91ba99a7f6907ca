// The Node client sends over node:http, not fetch: through a caller's Agent when given one, with a
// lazily built Response for withResponse(), and a cold start that loads no fetch, streams, fs or crypto.
import { spawn } from "node:child_process";
import { Agent } from "node:http";
import type { Socket } from "node:net";
import { sendJson, startScriptedServer } from "@seedance/testkit";
import { expect, it } from "vitest";
import { SeedanceClient } from "../src/index.js";

const imageOk = {
  status: "success",
  data: { task_id: "task-1", images: [{ id: "img-1", url: "https://cdn.example/img-1.png" }], model: "seedream-4.5" },
};
const params = { prompt: "a fox", model: "seedream-4.5" } as const;

it("sends through the agent it is given", async () => {
  const server = await startScriptedServer((_, res) => sendJson(res, 200, imageOk, { "x-request-id": "req-7" }));
  const agent = new Agent({ keepAlive: true });
  const sockets: Socket[] = [];
  agent.on("free", (socket: Socket) => sockets.push(socket));
  try {
    const client = new SeedanceClient({ apiKey: "sk-test", baseUrl: server.url, agent });
    const { data, status, headers, requestId } = await client.seedream.generate(params).withResponse();
    expect(data.images[0]?.url).toContain("img-1");
    expect([status, headers["x-request-id"], requestId]).toEqual([200, "req-7", "req-7"]);
    expect(sockets.length).toBeGreaterThan(0);
  } finally {
    agent.destroy();
    await server.stop();
  }
});

it("builds withResponse()'s Response only when it is read, from the same status, headers and body", async () => {
  const server = await startScriptedServer((_, res) => sendJson(res, 200, imageOk));
  try {
    const client = new SeedanceClient({ apiKey: "sk-test", baseUrl: server.url });
    const result = await client.seedream.generate(params).withResponse();
    // A getter, so the Response is made on first read only.
    expect(Object.getOwnPropertyDescriptor(Object.getPrototypeOf(result), "response")?.get).toBeTypeOf("function");
    expect(result.response).toBe(result.response);
    expect(result.response.status).toBe(200);
    expect(result.response.headers.get("x-ratelimit-limit")).toBe(result.headers["x-ratelimit-limit"]);
    expect(await result.response.json()).toEqual(imageOk);
  } finally {
    await server.stop();
  }
});

/** Runs an ES module `source` in a fresh Node with `env` added, killed (with its group) if it hangs; its stdout. */
function runNode(source: string, env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", source], {
      cwd: import.meta.dirname,
      env: { ...process.env, ...env },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (err += chunk));
    const timer = setTimeout(() => {
      process.kill(-(child.pid as number), "SIGKILL");
      reject(new Error(`node -e ${JSON.stringify(source)} hung; stderr: ${err}`));
    }, 30_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`node -e ${JSON.stringify(source)} exited with ${code}: ${err}`));
    });
  });
}

/** The Node built-ins a fresh process has loaded after `script`, beyond what a bare one has. */
async function builtinsLoadedBy(script: string): Promise<string[]> {
  const list = async (body: string) =>
    JSON.parse(
      await runNode(
        `${body}\nprocess.stdout.write(JSON.stringify(process.moduleLoadList.filter((m) => m.startsWith("NativeModule"))));`,
      ),
    ) as string[];
  const bare = new Set(await list(""));
  return (await list(script)).filter((name) => !bare.has(name));
}

it("import and construct load no fetch (undici), streams, fs or crypto; a call loads http but still no fetch", async () => {
  const server = await startScriptedServer((_, res) => sendJson(res, 200, imageOk));
  try {
    const construct = `import { SeedanceClient } from "@seedance/node";\nconst client = new SeedanceClient({ apiKey: "sk-test", baseUrl: ${JSON.stringify(server.url)} });`;
    expect(await builtinsLoadedBy(construct)).toEqual([]);
    const call = `${construct}\nawait client.seedream.generate(${JSON.stringify(params)});`;
    const loaded = await builtinsLoadedBy(call);
    expect(loaded).toContain("NativeModule http");
    // (The idempotency key's crypto.randomUUID loads Web Crypto internals; node:crypto itself waits for webhooks.)
    expect(
      loaded.filter((name) => /undici|^NativeModule (crypto|fs\/promises|stream|stream\/promises)$/.test(name)),
    ).toEqual([]);
  } finally {
    await server.stop();
  }
});

it("follows HTTP_PROXY and NO_PROXY as Node's own clients do, under NODE_USE_ENV_PROXY=1", async () => {
  // The proxy answers itself, so the API's host need not exist: a call that bypasses it fails to resolve.
  const proxy = await startScriptedServer((_, res) => sendJson(res, 200, imageOk));
  const call = `import { SeedanceClient } from "@seedance/node";
const client = new SeedanceClient({ apiKey: "sk-test", baseUrl: "http://api.seedance.invalid", maxRetries: 0 });
const outcome = await client.seedream.generate(${JSON.stringify(params)}).then((image) => image.taskId, (error) => error.name);
process.stdout.write(outcome);`;
  try {
    const env = { NODE_USE_ENV_PROXY: "1", HTTP_PROXY: proxy.url };
    expect(await runNode(call, env)).toBe("task-1");
    expect(proxy.requests.map((request) => request.path)).toEqual(["http://api.seedance.invalid/v1/seedream/generate"]);
    expect(await runNode(call, { ...env, NO_PROXY: "api.seedance.invalid" })).toBe("APIConnectionError");
    expect(proxy.requests).toHaveLength(1);
  } finally {
    await proxy.stop();
  }
});
