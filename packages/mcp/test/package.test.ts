// The packed tarballs installed in a scratch project (`pnpm install --offline`), started with
// `npx seedance-mcp` as a user's MCP client would: an image, a video and progress while it waits;
// then the README's tasks example, run there as a user would run it.
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Sandbox, startSandbox } from "@seedance/sandbox";
import { installPacked } from "@seedance/testkit";
import { afterAll, beforeAll, expect, it } from "vitest";
import { canaryKey, cleanEnv, type StdioServer, spawnGroup, startStdio, textOf } from "./support.ts";

const ownManifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const mcpSdkVersion: string = ownManifest.dependencies["@modelcontextprotocol/sdk"];
const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

let root: string;
let project: string;
let sandbox: Sandbox;
let server: StdioServer | undefined;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "seedance-mcp-pack-"));
  project = join(root, "project");
  // The README's tasks example uses the MCP SDK's client too.
  await installPacked({
    packages: ["@seedance/mcp"],
    dir: project,
    dependencies: { "@modelcontextprotocol/sdk": mcpSdkVersion },
  });
  sandbox = await startSandbox({ taskSeconds: 3 });
});
afterAll(async () => {
  server?.kill();
  await sandbox?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

it("`npx seedance-mcp` from the installed tarball generates an image and a video, with progress", async () => {
  const key = canaryKey();
  server = await startStdio({
    env: { SEEDANCE_API_KEY: key, SEEDANCE_BASE_URL: sandbox.url },
    command: { file: "npx", args: ["--no", "seedance-mcp"], cwd: project },
  });
  const { tools } = await server.client.listTools();
  expect(tools).toHaveLength(5);

  const image = await server.client.callTool({
    name: "generate_image",
    arguments: { prompt: "A lighthouse at night", model: "seedream-4.5" },
  });
  expect(textOf(image)).toMatch(/images\[0\]\.url: http/);

  const video = await server.client.callTool({
    name: "generate_video",
    arguments: { prompt: "A lighthouse beam sweeping the sea", model: "seedance-1.0", duration: 5 },
  });
  const taskId = (video.structuredContent as { task_id: string }).task_id;
  const progress: number[] = [];
  const done = await server.client.callTool({ name: "wait_for_task", arguments: { task_id: taskId } }, undefined, {
    onprogress: ({ progress: value }) => void progress.push(value),
  });
  expect(done.structuredContent).toMatchObject({ task_id: taskId, status: "completed", progress: 100 });
  expect(progress.length).toBeGreaterThanOrEqual(1);
  expect(progress.every((value) => value < 100)).toBe(true);
  expect(server.output.stdout + server.output.stderr).not.toContain(key);
});

it("runs the README's tasks example: a video started as a task, fetched by its id from a new connection", async () => {
  const example = /```js\n(\/\/ tasks\.mjs\n[\s\S]*?)```/.exec(readme)?.[1];
  expect(example, "the README's tasks.mjs block").toBeDefined();
  await writeFile(join(project, "tasks.mjs"), example as string);
  const key = canaryKey();
  const run = spawnGroup(process.execPath, ["tasks.mjs"], {
    env: cleanEnv({ SEEDANCE_API_KEY: key, SEEDANCE_BASE_URL: sandbox.url }),
    cwd: project,
    deadline: 90_000,
  });
  run.child.stdin?.end();
  expect(await run.exited, run.output.stderr).toBe(0);
  const taskId = /^started (\S+): working$/m.exec(run.output.stdout)?.[1];
  expect(taskId, run.output.stdout).toMatch(/^task-/);
  expect(run.output.stdout).toContain(`${taskId}: completed (Seedance task ${taskId} completed.)`);
  expect(run.output.stdout).toMatch(/^video: http\S+\.mp4$/m);
  // Two server processes, one per connection; neither showed the key.
  expect(run.output.stderr.match(/serving \S+ over stdio/g)).toHaveLength(2);
  expect(run.output.stdout + run.output.stderr).not.toContain(key);
});
