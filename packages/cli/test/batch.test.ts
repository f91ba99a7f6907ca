// `seedance batch` as a user runs it, against a sandbox with short tasks and a small quota:
// --dry-run, a run and its rerun, failed items (exit 4), Ctrl-C (exit 130) and resuming, bad input,
// and an output folder that is read-only or full. Generations are counted at the sandbox.
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, statfs, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Sandbox, startSandbox } from "@seedance/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, jsonLines, runCli, runInTerminal, runShell } from "./support.ts";

let sandbox: Sandbox;
let dir: string;

beforeAll(async () => {
  sandbox = await startSandbox({ taskSeconds: 0.5, rateLimit: 40, rateLimitWindowSeconds: 1 });
  dir = await mkdtemp(join(tmpdir(), "seedance-cli-batch-"));
});
afterAll(async () => {
  await sandbox?.stop();
  await rm(dir, { recursive: true, force: true });
});

const generated = (tag: string) => sandbox.stats().generations.filter(({ prompt }) => prompt.includes(tag));

async function batchFile(name: string, lines: string[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `${lines.join("\n")}\n`);
  return path;
}

const image = (tag: string, index: number, extra: object = {}) =>
  JSON.stringify({ id: `${tag}-${index}`, prompt: `${tag} image ${index}`, model: "seedream-3.0", ...extra });
const video = (tag: string, index: number, extra: object = {}) =>
  JSON.stringify({
    id: `${tag}-v${index}`,
    prompt: `${tag} video ${index}`,
    model: "seedance-1.0",
    duration: 5,
    ...extra,
  });

describe("--dry-run", () => {
  it("lists every invalid line with its number and sends nothing (exit 2)", async () => {
    const file = await batchFile("invalid.jsonl", [
      image("dry", 1),
      "{not json",
      JSON.stringify({ prompt: "dry no model" }),
      video("dry", 2, { duration: 999 }),
      image("dry", 1),
    ]);
    const before = sandbox.stats().requests;
    const run = await runCli(["batch", file, "--dry-run"], { server: sandbox });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`${file}:2: not valid JSON`);
    expect(run.stdout).toMatch(new RegExp(`${file}:3: image request: model is missing`));
    expect(run.stdout).toMatch(new RegExp(`${file}:4: video request: duration is 999`));
    expect(run.stdout).toContain(`${file}:5: id "dry-1" is already used on line 1`);
    expect(run.stderr).toContain("4 of 5 lines are invalid (listed above); nothing was sent.");
    expect(sandbox.stats().requests).toBe(before);
  });

  it("previews a valid file's cost and sends nothing (exit 0); CSV with a header too", async () => {
    const file = await batchFile("valid.csv", [
      "id,prompt,model,duration,num_images",
      'c1,"A barn, red",seedream-3.0,,2',
      "c2,Waves,seedance-1.0,5,",
    ]);
    const before = sandbox.stats().requests;
    const run = await runCli(["batch", file, "--dry-run"], { server: sandbox });
    expect(run.stderr).toContain("2 items (1 images, 1 videos): 2 generations to pay for, at least 3 requests.");
    expect(run.code).toBe(0);
    expect(sandbox.stats().requests).toBe(before);
  });
});

describe("a run", () => {
  it("generates each line once, writes results.jsonl and the journal, and a rerun spends nothing", async () => {
    const file = await batchFile("run.jsonl", [
      ...Array.from({ length: 12 }, (_, i) => image("run", i)),
      video("run", 1),
    ]);
    const out = join(dir, "run-out");
    const run = await runCli(["batch", file, "--out", out], { server: sandbox });
    expect(run.stderr).toContain("13 done, 0 failed");
    // The cost preview: 12 images and a video, then what the quota (40 per window) makes of them.
    expect(run.stderr).toContain("13 items (12 images, 1 videos): 13 generations to pay for, at least 14 requests.");
    expect(run.stderr).toMatch(/Quota: 40 requests per window, \d+ left until \S+: the 14 requests /);
    expect(run.code).toBe(0);
    const results = jsonLines(await readFile(join(out, "results.jsonl"), "utf8"));
    expect(results).toHaveLength(13);
    for (const result of results) expect(result).toMatchObject({ state: "done", error: null });
    expect(await readdir(out)).toEqual(expect.arrayContaining(["run-0.png", "run-v1.mp4", "seedance-journal.sqlite"]));
    expect(generated("run ")).toHaveLength(13);
    const requests = sandbox.stats().requests;
    const again = await runCli(["batch", file, "--out", out], { server: sandbox });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain("13 already done");
    expect(sandbox.stats().requests).toBe(requests);
  });

  it("reports failed items and runs the rest (exit 4)", async () => {
    const file = await batchFile("fail.jsonl", [image("fail", 1), video("fail", 2, { prompt: "fail video [fail]" })]);
    const run = await runCli(["batch", file, "--out", join(dir, "fail-out"), "--json"], { server: sandbox });
    expect(run.code).toBe(4);
    const lines = jsonLines(run.stdout);
    expect(lines.find((line) => line.id === "fail-1")).toMatchObject({ state: "done" });
    expect(lines.find((line) => line.id === "fail-v2")).toMatchObject({ state: "failed" });
    expect(lines.at(-1).error).toMatchObject({ type: "BatchFailedError", exitCode: 4 });
  });

  it("stops on Ctrl-C (exit 130), says how to resume, and the rerun finishes without paying twice", async () => {
    const file = await batchFile(
      "ctrl-c.jsonl",
      Array.from({ length: 60 }, (_, i) => image("ctrlc", i)),
    );
    const out = join(dir, "ctrl-c-out");
    const stopped = await runCli(["batch", file, "--out", out], { server: sandbox, interruptWhen: /^done /m });
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toContain(`Resume with: seedance batch ${file} --out ${out}`);
    const resumed = await runCli(["batch", file, "--out", out], { server: sandbox });
    expect(resumed.code).toBe(0);
    expect(generated("ctrlc ")).toHaveLength(60);
  });
});

describe("the display", () => {
  it("is one live line on a terminal (counts, throughput, hold, ETA), plain lines elsewhere", async () => {
    const file = await batchFile(
      "display.jsonl",
      Array.from({ length: 50 }, (_, i) => image("display", i)),
    );
    const env = cleanEnv({ SEEDANCE_API_KEY: sandbox.apiKey, SEEDANCE_BASE_URL: sandbox.url });
    const live = await runInTerminal(`node packages/cli/dist/cli.js batch ${file} --out ${join(dir, "display-tty")}`, {
      env,
    });
    expect(live.code, live.stdout).toBe(0);
    // Redrawn in place: erase-line sequences, and a hold once the 40-request window is used up.
    expect(live.stdout).toContain("\r\x1b[2Kdone ");
    expect(live.stdout).toMatch(/done \d+\/50 .*\| [\d.]+\/s/);
    expect(live.stdout).toMatch(/rate-limit hold \d+s/);
    expect(live.stdout).toMatch(/ETA \d+s/);
    const plain = await runCli(["batch", file, "--out", join(dir, "display-plain")], { server: sandbox });
    expect(plain.code).toBe(0);
    expect(plain.stderr).not.toContain("\x1b[");
    expect(plain.stderr).toMatch(/^done 50\/50 .*\/s/m);
  });
});

describe("bad input and a bad output folder", () => {
  it("runs the valid lines of a file with a malformed one, and lists it", async () => {
    const file = await batchFile("mixed.jsonl", [image("mixed", 1), "[1, 2]", image("mixed", 2)]);
    const run = await runCli(["batch", file, "--out", join(dir, "mixed-out")], { server: sandbox });
    expect(run.stdout).toContain(`${file}:2: expected a JSON object, one request per line`);
    expect(run.code).toBe(0);
    expect(generated("mixed ")).toHaveLength(2);
  });

  it("refuses a read-only output folder with a clear error, before spending anything (exit 2)", async () => {
    const out = join(dir, "read-only");
    await mkdir(out);
    // Root ignores file modes, so the folder is a read-only mount.
    execFileSync("mount", ["-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", out]);
    try {
      const before = sandbox.stats().requests;
      const file = await batchFile("ro.jsonl", [image("ro", 1)]);
      const run = await runCli(["batch", file, "--out", out], { server: sandbox });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`Cannot keep the batch's journal in ${out}`);
      expect(sandbox.stats().requests).toBe(before);
    } finally {
      execFileSync("umount", [out]);
    }
  });

  it("on a full disk, stops with a clear error, keeps the journal, and once there is room pays nothing twice", async () => {
    const out = join(dir, "full");
    await mkdir(out);
    // A small tmpfs, nearly filled: the journal fits, the videos soon do not.
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=8m", "tmpfs", out]);
    const filler = join(out, "filler");
    const free = await statfs(out);
    await writeFile(filler, Buffer.alloc(free.bavail * free.bsize - 200 * 1024));
    const file = await batchFile(
      "full.jsonl",
      Array.from({ length: 8 }, (_, i) => video("full", i)),
    );
    try {
      const run = await runCli(["batch", file, "--out", out, "--concurrency", "8"], { server: sandbox });
      expect(run.code, run.stdout + run.stderr).toBe(1);
      expect(run.stdout + run.stderr).toContain("ENOSPC");
      expect(run.stderr).toContain(`${out} could not be written`);
      expect(run.stderr).toContain("every item's place is kept in the journal");
      expect(generated("full ")).toHaveLength(8);
      await rm(filler);
      const rerun = await runCli(["batch", file, "--out", out], { server: sandbox });
      expect(rerun.code, rerun.stdout + rerun.stderr).toBe(0);
      expect(generated("full ")).toHaveLength(8);
    } finally {
      execFileSync("umount", [out]);
    }
  });
});

describe("the README", () => {
  it("runs the Batch generation example as written, in a user's shell", async () => {
    const readme = await readFile(new URL("../README.md", import.meta.url), "utf8");
    const example = /## Batch generation\n[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1];
    if (!example) throw new Error("the README has no Batch generation example");
    const cwd = join(dir, "readme");
    await mkdir(cwd);
    const run = await runShell(`set -e\n${example}`, { server: sandbox, cwd });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const results = jsonLines(await readFile(join(cwd, "out", "results.jsonl"), "utf8"));
    expect(results.map(({ id, state }) => [id, state])).toEqual([
      ["barn", "done"],
      ["waves", "done"],
    ]);
    expect(run.stderr).toContain("Every line is valid; nothing was sent (--dry-run).");
    expect(await readdir(join(cwd, "out"))).toEqual(expect.arrayContaining(["barn.png", "waves.mp4"]));
  });
});
