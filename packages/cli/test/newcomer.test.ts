// The CLI as a newcomer meets it (issue 24, "The CLI:"): each test is named after a problem found
// there, and runs the built `seedance` against a sandbox as a user's shell would.
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_BASE_URL } from "@seedance/node";
import { type Sandbox, startSandbox } from "@seedance/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../src/errors.ts";
import { jsonLines, runCli, runShell } from "./support.ts";

let sandbox: Sandbox;
/** One whose tasks outlast any test, so that a wait can be interrupted while the task runs. */
let slow: Sandbox;
/** A free-tier key of `sandbox`, allowed one request an hour. */
const FREE_KEY = "sk-test-free-newcomer";
/** A download folder that no test reaches (each wait there is interrupted first). */
const OUT = join(tmpdir(), "seedance-newcomer-never-written");
beforeAll(async () => {
  [sandbox, slow] = await Promise.all([
    startSandbox({ taskSeconds: 2, tiers: { free: 1 } }),
    startSandbox({ taskSeconds: 60 }),
  ]);
});
afterAll(async () => {
  await Promise.all([sandbox?.stop(), slow?.stop()]);
});

/** A task queued on `server` through the CLI: its id. */
async function queue(server: Sandbox): Promise<string> {
  const run = await runCli(["video", "Waves at dusk"], { server });
  expect(run.code).toBe(EXIT.ok);
  return run.stdout.trim();
}

// Independent of one another, and mostly waiting on tasks: run side by side.
describe.concurrent("the CLI as a newcomer meets it", () => {
  describe("notes go to stderr, stdout carries only the result", () => {
    it("`T=$(seedance video …)` holds the task id alone, so `seedance status $T` works", async () => {
      const run = await runShell('T=$(seedance video "Waves at dusk") && echo "T=$T" && seedance status "$T"', {
        server: sandbox,
      });
      expect(run.code).toBe(EXIT.ok);
      const [, taskId] = /^T=(task-\S+)$/m.exec(run.stdout) ?? [];
      expect(taskId).toBeDefined();
      expect(run.stdout).toMatch(new RegExp(`^${taskId} {2}(queued|processing|completed) {2}\\d+%$`, "m"));
      // The hint is still there for the person at the terminal.
      expect(run.stderr).toContain(`wait for it with: seedance wait ${taskId}`);
    });
  });

  it("the README's usage lines for images, videos and tasks run as written, one after the other", async () => {
    const readme = await readFile(fileURLToPath(new URL("../README.md", import.meta.url)), "utf8");
    const usage = /## Usage\n\n```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
    const lines = usage.split("\n").filter((line) => /^(T=|seedance (image|video|status|wait|result) )/.test(line));
    expect(lines.length).toBeGreaterThanOrEqual(6);
    const cwd = await mkdtemp(join(tmpdir(), "seedance-readme-"));
    const run = await runShell(["set -e", ...lines].join("\n"), { server: sandbox, cwd });
    expect(run.stderr).not.toContain("seedance: ");
    expect(run.code).toBe(EXIT.ok);
    expect(await readdir(join(cwd, "images"))).toHaveLength(2);
    expect(await readdir(join(cwd, "videos"))).toHaveLength(2);
  });

  describe("resuming a wait", () => {
    it("`seedance wait TASK_ID` follows a queued task to the end and prints its video URL", async () => {
      const taskId = await queue(sandbox);
      const run = await runCli(["wait", taskId], { server: sandbox });
      expect(run.code).toBe(EXIT.ok);
      expect(run.stdout).toBe(`${sandbox.upstreamUrl}/media/videos/${taskId}.mp4\n`);
      expect(run.stderr).toMatch(new RegExp(`^${taskId} {2}completed {2}100%$`, "m"));
    });

    it("`status --wait` prints the finished status and `result --wait` the video URL, where `result` alone exits 5", async () => {
      const taskId = await queue(sandbox);
      const early = await runCli(["result", taskId], { server: sandbox });
      expect(early.code).toBe(EXIT.notFinished);

      const [status, result] = await Promise.all([
        runCli(["status", taskId, "--wait"], { server: sandbox }),
        runCli(["result", taskId, "--wait"], { server: sandbox }),
      ]);
      expect(status.code).toBe(EXIT.ok);
      expect(status.stdout).toBe(
        `${taskId}  completed  100%\nvideo: ${sandbox.upstreamUrl}/media/videos/${taskId}.mp4\n`,
      );
      expect(result.code).toBe(EXIT.ok);
      expect(result.stdout).toBe(`${sandbox.upstreamUrl}/media/videos/${taskId}.mp4\n`);
    });

    const waits = [
      { name: "video --wait", args: () => ["video", "Waves at dusk", "--wait"] },
      { name: "wait", args: (taskId: string) => ["wait", taskId] },
      { name: "status --wait", args: (taskId: string) => ["status", taskId, "--wait"] },
      { name: "result --wait", args: (taskId: string) => ["result", taskId, "--wait", "--out", OUT] },
    ];
    it.each(waits)(
      "Ctrl-C during `$name` says the task keeps running and prints the command that resumes it, exit 130",
      async ({ name, args }) => {
        const queued = name === "video --wait" ? undefined : await queue(slow);
        // A note or progress line says the wait is under way.
        const run = await runCli(args(queued as string), { server: slow, interruptWhen: /queued|processing/ });
        expect(run.code).toBe(EXIT.interrupted);
        const [, taskId, resume] =
          /^seedance: Interrupted; task (task-\S+) keeps running on the server\. Resume with: (.+)$/m.exec(
            run.stderr,
          ) ?? [];
        if (queued) expect(taskId).toBe(queued);
        expect(resume).toBe(`seedance wait ${taskId}${name === "result --wait" ? ` --out ${OUT}` : ""}`);
      },
    );

    it("the command that Ctrl-C printed picks the task up and finishes it", async () => {
      const interrupted = await runCli(["video", "Waves at dusk", "--wait"], {
        server: sandbox,
        interruptWhen: /queued \(about/,
      });
      expect(interrupted.code).toBe(EXIT.interrupted);
      const [, taskId, resume] = /task (task-\S+) keeps running .* Resume with: (.+)$/m.exec(interrupted.stderr) ?? [];
      const resumed = await runShell(resume as string, { server: sandbox });
      expect(resumed.code).toBe(EXIT.ok);
      expect(resumed.stdout).toBe(`${sandbox.upstreamUrl}/media/videos/${taskId}.mp4\n`);
    });

    it("with --base-url given as a flag, the resume command carries it (and never the API key)", async () => {
      const run = await runCli(["video", "Waves at dusk", "--wait", "--base-url", slow.url, "--api-key", slow.apiKey], {
        interruptWhen: /queued/,
      });
      expect(run.code).toBe(EXIT.interrupted);
      expect(run.stderr).toMatch(new RegExp(`Resume with: seedance wait task-\\S+ --base-url ${slow.url}$`, "m"));
      expect(run.stderr).not.toContain(slow.apiKey);
    });
  });

  describe("mistakes in the base URL", () => {
    it("a base URL without a scheme is a usage error (exit 2), not a connection failure (exit 3)", async () => {
      const { host } = new URL(sandbox.url);
      const run = await runCli(["status", "task-1", "--base-url", host], { server: sandbox });
      expect(run.code).toBe(EXIT.usage);
      expect(run.stderr).toBe(
        `seedance: --base-url (or SEEDANCE_BASE_URL) "${host}" has no scheme: write it as http://${host} (or https://${host}).\n`,
      );
    });

    it("`https://` against an http server gets a one-line hint instead of a raw OpenSSL dump", async () => {
      const https = sandbox.url.replace("http://", "https://");
      const run = await runCli(["status", "task-1", "--base-url", https], { server: sandbox });
      expect(run.code).toBe(EXIT.connection);
      expect(run.stderr).toBe(
        `seedance: ${https} does not answer TLS (it looks like a plain HTTP server): use --base-url ${sandbox.url}\n`,
      );
    });

    it("a trailing /v1 gets a one-line hint to drop it instead of a cut-off 404", async () => {
      const taskId = await queue(sandbox);
      const run = await runCli(["status", taskId, "--base-url", `${sandbox.url}/v1`], { server: sandbox });
      expect(run.code).toBe(EXIT.failure);
      expect(run.stderr).toBe(
        `seedance: 404 Not Found: the base URL ends in /v1, which the SDK adds to every path itself; use --base-url ${sandbox.url}\n`,
      );
    });
  });

  it("a 429 message says when to retry, from the server's Retry-After", async () => {
    const server = { url: sandbox.url, apiKey: FREE_KEY };
    expect((await runCli(["status", "task-unknown"], { server })).code).toBe(EXIT.failure); // 404: spends the one request
    const run = await runCli(["status", "task-unknown"], { server });
    expect(run.code).toBe(EXIT.failure);
    expect(run.stderr).toMatch(/^seedance: 429 RATE_LIMITED: .*\. Retry in (\d+) min \(at \d\d:\d\d:\d\d\)\.\n$/);
    // What the server says now, a moment later: the same hour's window.
    const answer = await fetch(`${sandbox.url}/v1/tasks/task-unknown`, {
      headers: { authorization: `Bearer ${FREE_KEY}` },
    });
    const retryAfter = Number(answer.headers.get("retry-after"));
    const minutes = Number(/Retry in (\d+) min/.exec(run.stderr)?.[1]);
    expect(Math.abs(minutes - retryAfter / 60)).toBeLessThanOrEqual(1);
  });

  describe("--json errors are a JSON object on stdout, with the exit code unchanged", () => {
    const cases = [
      { name: "an API error", args: ["status", "task-unknown"], code: EXIT.failure, type: "NotFoundError" },
      { name: "a usage error", args: ["image"], code: EXIT.usage, type: "UsageError" },
      {
        name: "a request the SDK rejects",
        args: ["video", "x", "--duration", "99"],
        code: EXIT.usage,
        type: "ValidationError",
      },
      {
        name: "no answer",
        args: ["status", "task-1", "--base-url", "http://127.0.0.1:9"],
        code: EXIT.connection,
        type: "APIConnectionError",
      },
      {
        name: "a failed task",
        args: ["video", "Waves [fail]", "--wait"],
        code: EXIT.taskFailed,
        type: "TaskFailedError",
      },
    ];
    it.each(cases)("$name", async ({ args, code, type }) => {
      const run = await runCli([...args, "--json"], { server: sandbox });
      expect(run.code).toBe(code);
      expect(run.stderr).toBe("");
      const { error } = jsonLines(run.stdout).at(-1);
      expect(error).toMatchObject({ type, exitCode: code, message: expect.any(String) });
    });
  });

  describe("help texts", () => {
    /** `seedance [path…] --help`, and the same for each command it lists, depth first. */
    async function allHelp(path: string[] = []): Promise<{ path: string[]; text: string }[]> {
      const run = await runCli([...path, "--help"]);
      expect(run.code).toBe(EXIT.ok);
      const commands = /\nCommands:\n([\s\S]*?)\n\n/.exec(run.stdout)?.[1] ?? "";
      const names = [...commands.matchAll(/^ {2}(\w+)/gm)]
        .map(([, name]) => name as string)
        .filter((n) => n !== "help");
      const nested = await Promise.all(names.map((name) => allHelp([...path, name])));
      return [{ path, text: run.stdout }, ...nested.flat()];
    }

    it("every help text has examples, and every subcommand's shows the global flags", async () => {
      const helps = await allHelp();
      expect(helps.map(({ path }) => path.join(" "))).toEqual(
        expect.arrayContaining(["video", "wait", "webhook verify"]),
      );
      for (const { path, text } of helps) {
        expect(text, `seedance ${path.join(" ")} --help`).toMatch(/\nExamples:\n {2}\$ .*seedance /);
        if (path.length > 0)
          expect(text, `seedance ${path.join(" ")} --help`).toMatch(/\nGlobal Options:\n[\s\S]*--base-url/);
      }
    });

    it("`--duration` gives its range from the spec, and `--base-url` shows the default URL", async () => {
      const spec = createRequire(import.meta.url)("@seedance/openapi/openapi.json");
      const { minimum, maximum } = spec.components.schemas.VideoGenerationRequest.properties.duration;
      const run = await runCli(["video", "--help"]);
      const flat = run.stdout.replace(/\s+/g, " ");
      expect(flat).toContain(`--duration <seconds> length in seconds: ${minimum}–${maximum} (default: ${minimum})`);
      expect(flat).toContain(`--base-url <url> API base URL (default: ${DEFAULT_BASE_URL})`);
    });
  });
});
