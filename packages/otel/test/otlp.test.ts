// End to end: the README's example, run as its own process against the sandbox, exports its trace
// as OTLP over HTTP to a receiver on loopback, and prints its metrics.
import { once } from "node:events";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startSandbox } from "@seedance/sandbox";
import { runProcess } from "@seedance/testkit";
import { expect, it } from "vitest";
import names from "../src/names.json" with { type: "json" };

const packageDir = fileURLToPath(new URL("..", import.meta.url));

interface OtlpSpan {
  name: string;
  spanId: string;
  parentSpanId?: string;
  attributes?: { key: string; value: { stringValue?: string; intValue?: string | number } }[];
  events?: { name: string }[];
  links?: { spanId: string }[];
}

/** A loopback OTLP/HTTP receiver that keeps every span posted to /v1/traces (JSON encoding). */
async function startReceiver() {
  const spans: OtlpSpan[] = [];
  const read = async (request: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  };
  const server = createServer(async (request, response) => {
    const body = await read(request);
    if (request.url === "/v1/traces" && request.headers["content-type"] === "application/json") {
      const payload = JSON.parse(body) as {
        resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[];
      };
      for (const resource of payload.resourceSpans) for (const scope of resource.scopeSpans) spans.push(...scope.spans);
    }
    response.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    spans,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

it("runs the README's example: its trace arrives over OTLP/HTTP, and its metrics print", async () => {
  const readme = await readFile(join(packageDir, "README.md"), "utf8");
  const example = readme.match(/```js\n(\/\/ tracing\.mjs[\s\S]*?)```/)?.[1];
  expect(example, "the README's tracing.mjs block").toBeDefined();
  const sandbox = await startSandbox({ taskSeconds: 1 });
  const receiver = await startReceiver();
  // Inside the package, so that the example resolves @seedance/otel (by self-reference) and the SDKs.
  const dir = await mkdtemp(join(packageDir, ".example-"));
  try {
    await writeFile(join(dir, "tracing.mjs"), example as string);
    const run = await runProcess(process.execPath, ["tracing.mjs"], {
      cwd: dir,
      timeoutMs: 60_000,
      env: {
        PATH: process.env.PATH,
        SEEDANCE_API_KEY: sandbox.apiKey,
        SEEDANCE_BASE_URL: sandbox.url,
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      },
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("video completed");
    expect(run.stdout).toContain(names.metrics.calls.name);
    const byName = (name: string) => receiver.spans.filter((span) => span.name === name);
    const [root] = byName(names.spans.generateAndWait);
    const [submit] = byName(names.spans.generateVideo);
    const [wait] = byName(names.spans.waitForCompletion);
    const [download] = byName(names.spans.download);
    expect(submit?.parentSpanId).toBe(root?.spanId);
    expect(wait?.parentSpanId).toBe(root?.spanId);
    expect(wait?.links?.map((link) => link.spanId)).toEqual([submit?.spanId]);
    expect(download?.links?.map((link) => link.spanId)).toEqual([submit?.spanId]);
    expect(wait?.events?.some((event) => event.name === names.events.poll)).toBe(true);
    const taskIdOf = (span: OtlpSpan | undefined) =>
      span?.attributes?.find((attribute) => attribute.key === names.attributes.taskId)?.value.stringValue;
    expect(taskIdOf(submit)).toMatch(/^task-/);
    expect(taskIdOf(download)).toBe(taskIdOf(submit));
    expect(byName("POST").length).toBeGreaterThan(0);
    expect(byName("GET").length).toBeGreaterThan(0);
    expect(JSON.stringify(receiver.spans)).not.toContain(sandbox.apiKey);
  } finally {
    await rm(dir, { recursive: true, force: true });
    await receiver.stop();
    await sandbox.stop();
  }
}, 90_000);
