// The `seedance` command spawned as a real process against a sandbox: output and exit codes.
import { existsSync, statSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SeedanceClient, signWebhook } from "@seedance/node";
import { type Sandbox, startSandbox } from "@seedance/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../src/errors.ts";
import { jsonLines, runCli } from "./support.ts";

let sandbox: Sandbox;
/** One whose tasks take long enough to be interrupted. */
let slow: Sandbox;
beforeAll(async () => {
  [sandbox, slow] = await Promise.all([startSandbox({ taskSeconds: 1 }), startSandbox({ taskSeconds: 60 })]);
});
afterAll(async () => {
  await Promise.all([sandbox?.stop(), slow?.stop()]);
});

describe("seedance image", () => {
  it("prints the image URLs and saves them with --out", async () => {
    const out = await mkdtemp(join(tmpdir(), "seedance-cli-"));
    const run = await runCli(["image", "A red barn", "--num-images", "2", "--out", out], { server: sandbox });
    expect(run.code).toBe(EXIT.ok);
    const urls = run.stdout.split("\n").filter((line) => line.startsWith("http"));
    expect(urls).toHaveLength(2);
    for (const url of urls) expect(url.startsWith(`${sandbox.upstreamUrl}/media/`)).toBe(true);
    const saved = [...run.stdout.matchAll(/^saved (\S+) \((\d+) bytes\)$/gm)];
    expect(saved).toHaveLength(2);
    for (const [, path, bytes] of saved) expect(statSync(path as string).size).toBe(Number(bytes));
  });

  it("reports a request the SDK rejects with the SDK's ValidationError message naming --no-validate, exit 2", async () => {
    const prompt = "x".repeat(301);
    const expected = await new SeedanceClient({ apiKey: "sk-test-unused", baseUrl: "http://127.0.0.1:9" }).seedream
      .generate({ prompt, model: "seedream-4.5" })
      .then(
        () => "",
        (error: Error) => error.message,
      );
    const run = await runCli(["image", prompt], { server: sandbox });
    expect(run.code).toBe(EXIT.usage);
    expect(expected).toMatch(/^Invalid prompt/);
    expect(expected).toContain("validate: false");
    expect(run.stderr.trim()).toBe(`seedance: ${expected.replace("validate: false", "--no-validate")}`);
  });

  it("rejects an unknown flag with a usage error, exit 2", async () => {
    const run = await runCli(["image", "A red barn", "--colour", "red"], { server: sandbox });
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toContain("unknown option '--colour'");
  });

  it("says how to give a missing API key, exit 2", async () => {
    const run = await runCli(["image", "A red barn"]);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toContain("SEEDANCE_API_KEY");
  });

  it("never prints the API key, even when the server refuses it (exit 1)", async () => {
    const key = "sk-live-do-not-print-me-0123456789";
    const run = await runCli(["image", "A red barn", "--api-key", key, "--base-url", sandbox.url]);
    expect(run.code).toBe(EXIT.failure);
    expect(run.stderr).toContain("401");
    expect(run.stdout + run.stderr).not.toContain(key);
  });

  it("exits 3 when the server cannot be reached", async () => {
    const run = await runCli(["status", "task-1"], { server: { url: "http://127.0.0.1:9", apiKey: "sk-test-x" } });
    expect(run.code).toBe(EXIT.connection);
  });
});

describe("seedance video, status and result", () => {
  it("--wait --json prints the task, then its statuses as JSON lines, the last one completed", async () => {
    const run = await runCli(["video", "Waves at dusk", "--wait", "--json"], { server: sandbox });
    expect(run.code).toBe(EXIT.ok);
    const lines = jsonLines(run.stdout);
    expect(lines[0]).toMatchObject({ status: "queued", taskId: expect.stringMatching(/^task-/) });
    for (const line of lines) expect(line.taskId).toBe(lines[0].taskId);
    expect(lines.at(-1)).toMatchObject({ status: "completed", progress: 100 });
    expect(lines.at(-1).result.videoUrl).toMatch(/\.mp4$/);
    expect(run.stderr).toBe("");
  });

  it("--wait prints plain progress lines when not on a terminal and saves the video with --out", async () => {
    const out = await mkdtemp(join(tmpdir(), "seedance-cli-"));
    const run = await runCli(["video", "Waves at dusk", "--out", out], { server: sandbox });
    expect(run.code).toBe(EXIT.ok);
    expect(run.stderr).toMatch(/^task-\S+ {2}completed {2}100%$/m);
    const [, path] = /^saved (\S+\.mp4) \(\d+ bytes\)$/m.exec(run.stdout) ?? [];
    expect(path && existsSync(path)).toBe(true);
  });

  it("exits 4 with the reason when the task fails", async () => {
    const run = await runCli(["video", "Waves at dusk [fail]", "--wait"], { server: sandbox });
    expect(run.code).toBe(EXIT.taskFailed);
    expect(run.stderr).toMatch(/seedance: Task task-\S+ failed: Simulated failure/);
  });

  it("status prints a task's state; result of a running task exits 5 with the server's message", async () => {
    // The 60-second sandbox: the task must still be running when `result` asks, however slow the machine.
    const queued = await runCli(["video", "Waves at dusk", "--json"], { server: slow });
    const [{ taskId }] = jsonLines(queued.stdout);

    const status = await runCli(["status", taskId], { server: slow });
    expect(status.code).toBe(EXIT.ok);
    expect(status.stdout).toMatch(new RegExp(`^${taskId} {2}(queued|processing) {2}\\d+%$`, "m"));

    const result = await runCli(["result", taskId], { server: slow });
    expect(result.code).toBe(EXIT.notFinished);
    expect(result.stderr).toContain("409 TASK_NOT_COMPLETED");
  });

  it("status of an unknown task exits 1 with the 404", async () => {
    const run = await runCli(["status", "task-unknown"], { server: sandbox });
    expect(run.code).toBe(EXIT.failure);
    expect(run.stderr).toContain("404 NOT_FOUND");
  });
});

describe("seedance webhook verify", () => {
  const secret = "whsec_c2VjcmV0LWZvci10aGUtY2xpLXRlc3RzLTAxMjM0";
  const event = {
    event: "task.completed",
    timestamp: new Date().toISOString(),
    data: { task_id: "task-1", status: "completed", model: "seedance-1.0", result: { video_url: "https://x/v.mp4" } },
  };

  it("accepts a delivery signed with the secret, given as {headers, body}", async () => {
    const delivery = await signWebhook(event, secret);
    const run = await runCli(["webhook", "verify", "--secret", secret], { input: JSON.stringify(delivery) });
    expect(run.code).toBe(EXIT.ok);
    expect(run.stdout).toBe("verified: task.completed for task-1 (completed)\n");
  });

  it("accepts the raw body with the headers as --header flags", async () => {
    const { headers, body } = await signWebhook(event, secret);
    const flags = Object.entries(headers).flatMap(([name, value]) => ["--header", `${name}: ${value}`]);
    const run = await runCli(["webhook", "verify", ...flags, "--json"], {
      input: body,
      env: { SEEDANCE_WEBHOOK_SECRET: secret },
    });
    expect(run.code).toBe(EXIT.ok);
    expect(JSON.parse(run.stdout)).toMatchObject({ event: "task.completed", data: { taskId: "task-1" } });
  });

  it("rejects a delivery signed with another secret, exit 1", async () => {
    const delivery = await signWebhook(event, "whsec_b3RoZXItc2VjcmV0LW90aGVyLXNlY3JldA==");
    const run = await runCli(["webhook", "verify", "--secret", secret], { input: JSON.stringify(delivery) });
    expect(run.code).toBe(EXIT.failure);
    expect(run.stderr).toContain("No webhook-signature entry matches");
  });

  it("rejects a body that was changed after signing, exit 1", async () => {
    const delivery = await signWebhook(event, secret);
    const tampered = { ...delivery, body: delivery.body.replace("task-1", "task-2") };
    const run = await runCli(["webhook", "verify", "--secret", secret], { input: JSON.stringify(tampered) });
    expect(run.code).toBe(EXIT.failure);
  });
});
