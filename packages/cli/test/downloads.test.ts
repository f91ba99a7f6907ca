// `--out` and terminal output against a hostile API that is also its own media host: names that
// collide or climb out of the folder, files and symlinks already there, and server text carrying
// terminal escape sequences. The `seedance` command runs as a real process.
import { lstat, mkdtemp, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { SeedanceClient } from "@seedance/node";
import { type ScriptedServer, sendJson, startScriptedServer } from "@seedance/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../src/errors.ts";
import { runCli } from "./support.ts";

const apiKey = "sk-test-downloads";
/** An OSC (set the window title), a CSI (clear the screen), a C1 CSI and a bidi override. */
const escapes = "\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202e";
const hostile = `Simulated failure ${escapes}end`;
const precious = "the user's own file\n";

let api: ScriptedServer;
let media: Record<string, string>;
beforeAll(async () => {
  api = await startScriptedServer((request, response) => {
    const base = `http://${request.headers.host}`;
    const now = "2024-01-15T10:30:00Z";
    const image = (id: string, path: string) => ({ id, url: `${base}${path}`, format: "png" });
    const video = { video_url: `${base}/media/video.mp4` };
    const routes: Record<string, () => void> = {
      "POST /v1/seedream/generate": () => {
        const images = JSON.parse(request.body).prompt.includes("escape")
          ? [
              image("img-1", "/x/..%2F..%2Fescape.png"),
              image("img-2", "/x/%2E%2E"),
              image("img-3", "/x/%1B%5B31mred.png"),
            ]
          : [image("img-1", "/a/same.png"), image("img-2", "/b/same.png"), image("img-3", "/c/SAME.png")];
        sendJson(response, 200, { status: "success", data: { task_id: "img-task", model: "seedream-4.5", images } });
      },
      "POST /v1/seedance/generate": () =>
        sendJson(response, 202, {
          status: "accepted",
          data: { task_id: "task-done", status: "queued", estimated_wait_time_seconds: 0 },
        }),
      "GET /v1/tasks/task-done": () =>
        sendJson(response, 200, {
          status: "success",
          data: {
            task_id: "task-done",
            status: "completed",
            progress: 100,
            created_at: now,
            updated_at: now,
            result: video,
          },
        }),
      "GET /v1/results/task-done": () =>
        sendJson(response, 200, {
          status: "success",
          data: { task_id: "task-done", status: "completed", result: video, completed_at: now },
        }),
      "GET /v1/tasks/task-evil": () =>
        sendJson(response, 200, {
          status: "success",
          data: {
            task_id: "task-evil",
            status: "failed",
            progress: 100,
            created_at: now,
            updated_at: now,
            error_message: hostile,
          },
        }),
      "GET /v1/results/task-evil": () =>
        sendJson(response, 200, {
          status: "success",
          data: { task_id: "task-evil", status: "failed", error_message: hostile, completed_at: now },
        }),
      "GET /v1/tasks/task-gone": () =>
        sendJson(response, 404, { status: "error", error: { code: "NOT_FOUND", message: `No such task ${escapes}` } }),
    };
    const route = routes[`${request.method} ${request.path}`];
    if (route) return route();
    const body = media[request.path];
    response.writeHead(body === undefined ? 404 : 200, { "content-type": "application/octet-stream" });
    response.end(body ?? "");
  });
  media = {
    "/media/video.mp4": "the new video",
    "/a/same.png": "image A",
    "/b/same.png": "image B",
    "/c/SAME.png": "image C",
    "/x/..%2F..%2Fescape.png": "escape",
    "/x/%2E%2E": "dots",
    "/": "dots",
    "/x/%1B%5B31mred.png": "red",
  };
});
afterAll(() => api?.stop());

const server = () => ({ url: api.url, apiKey });
const outFolder = () => mkdtemp(join(tmpdir(), "seedance-cli-out-"));
const savedPaths = (stdout: string) =>
  [...stdout.matchAll(/^saved (.+) \(\d+ bytes\)$/gm)].map(([, path]) => path as string);

/** Every control character sanitizeServerText removes (tab and newline are allowed). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe("--out never destroys a file", () => {
  it("no silent overwrite: an existing file is an error naming the path and --overwrite, not 'saved'", async () => {
    const out = await outFolder();
    const path = join(out, "video.mp4");
    await writeFile(path, precious);
    const run = await runCli(["result", "task-done", "--out", out], { server: server() });
    expect(run.code).toBe(EXIT.failure);
    expect(run.stderr).toContain(path);
    expect(run.stderr).toContain("--overwrite");
    expect(run.stdout).not.toMatch(/^saved/m);
    expect(await readFile(path, "utf8")).toBe(precious);
    expect(await readdir(out)).toEqual(["video.mp4"]);
  });

  it("--overwrite replaces the existing file", async () => {
    const out = await outFolder();
    const path = join(out, "video.mp4");
    await writeFile(path, precious);
    const run = await runCli(["result", "task-done", "--out", out, "--overwrite"], { server: server() });
    expect(run.code).toBe(EXIT.ok);
    expect(savedPaths(run.stdout)).toEqual([path]);
    expect(await readFile(path, "utf8")).toBe("the new video");
  });

  it("video --out refuses an existing file the same way", async () => {
    const out = await outFolder();
    await writeFile(join(out, "video.mp4"), precious);
    const run = await runCli(["video", "Waves at dusk", "--out", out], { server: server() });
    expect(run.code).toBe(EXIT.failure);
    expect(run.stderr).toContain("--overwrite");
    expect(await readFile(join(out, "video.mp4"), "utf8")).toBe(precious);
  });

  it("colliding names: image URLs ending in the same name are saved as distinct files", async () => {
    const out = await outFolder();
    const run = await runCli(["image", "A red barn", "--num-images", "3", "--out", out], { server: server() });
    expect(run.code).toBe(EXIT.ok);
    const paths = savedPaths(run.stdout);
    expect(paths).toEqual([join(out, "same.png"), join(out, "same-2.png"), join(out, "SAME-3.png")]);
    const contents = await Promise.all(paths.map((path) => readFile(path, "utf8")));
    expect(contents).toEqual(["image A", "image B", "image C"]);
  });

  it("a symlink in --out pointing outside it is never followed: the outside file is unchanged", async () => {
    const outside = join(await outFolder(), "outside.txt");
    await writeFile(outside, precious);
    const out = await outFolder();
    await symlink(outside, join(out, "video.mp4"));

    const refused = await runCli(["result", "task-done", "--out", out], { server: server() });
    expect(refused.code).toBe(EXIT.failure);
    expect(refused.stderr).toContain("--overwrite");
    expect(await readFile(outside, "utf8")).toBe(precious);

    const replaced = await runCli(["result", "task-done", "--out", out, "--overwrite"], { server: server() });
    expect(replaced.code).toBe(EXIT.ok);
    expect(await readFile(outside, "utf8")).toBe(precious);
    expect((await lstat(join(out, "video.mp4"))).isSymbolicLink()).toBe(false);
    expect(await readFile(join(out, "video.mp4"), "utf8")).toBe("the new video");
    expect(await readdir(dirname(outside))).toEqual(["outside.txt"]);
  });

  it("a server-chosen name is reduced to a safe base name inside --out", async () => {
    const out = await outFolder();
    const run = await runCli(["image", "escape", "--num-images", "3", "--out", out], { server: server() });
    expect(run.code).toBe(EXIT.ok);
    const paths = savedPaths(run.stdout);
    for (const path of paths) expect(dirname(path)).toBe(out);
    expect((await readdir(out)).sort()).toEqual(["_.._escape.png", "[31mred.png", "img-2.png"].sort());
    expect(run.stdout).not.toMatch(CONTROL);
  });
});

describe("server text reaches the terminal sanitised", () => {
  it("OSC/CSI sequences in a task's error_message never reach stdout or stderr raw", async () => {
    const status = await runCli(["status", "task-evil"], { server: server() });
    expect(status.code).toBe(EXIT.ok);
    expect(status.stdout).toContain("error: Simulated failure ]0;pwned[2J31mend");

    const result = await runCli(["result", "task-evil"], { server: server() });
    expect(result.code).toBe(EXIT.taskFailed);
    expect(result.stderr).toContain("Task task-evil failed: Simulated failure ]0;pwned[2J31mend");

    const gone = await runCli(["status", "task-gone"], { server: server() });
    expect(gone.code).toBe(EXIT.failure);
    expect(gone.stderr).toContain("No such task");

    for (const run of [status, result, gone]) expect(run.stdout + run.stderr).not.toMatch(CONTROL);
  });

  it("--json output stays byte-exact: the JSON of what the SDK returns, controls escaped by JSON", async () => {
    const run = await runCli(["status", "task-evil", "--json"], { server: server() });
    expect(run.code).toBe(EXIT.ok);
    const task = await new SeedanceClient({ apiKey, baseUrl: api.url }).task.getStatus("task-evil");
    expect(task.errorMessage).toBe(hostile);
    expect(run.stdout).toBe(`${JSON.stringify(task)}\n`);
    expect(run.stdout).toContain("\\u001b]0;pwned\\u0007");
  });
});
