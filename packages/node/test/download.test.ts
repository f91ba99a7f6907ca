// Downloads against loopback servers that serve a file, drop connections mid-way, answer Range
// requests, fail, drip or fall silent, so resume, progress, cleanup and deadlines are observed on
// the wire and on disk.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { lstat, mkdtemp, readdir, readFile, readlink, symlink, writeFile } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { type RecordedRequest, runProcess, type ScriptedServer, startScriptedServer } from "@seedance/testkit";
import { afterEach, describe, expect, it } from "vitest";
import {
  AbortError,
  APIConnectionError,
  APITimeoutError,
  DestinationExistsError,
  DownloadVerificationError,
  InternalServerError,
  SeedanceClient,
  SeedanceError,
} from "../src/index.js";

const file = Buffer.from(Array.from({ length: 256 * 1024 }, (_, i) => i % 251));
const fileSha256 = createHash("sha256").update(file).digest("hex");
const precious = "the user's own file, which no failed download may touch\n";
const client = new SeedanceClient({ apiKey: "sk-test" });

const servers: ScriptedServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
});

/** A loopback host answering every request with `script`; the URL of `/video.mp4` on it. */
async function host(script: (request: RecordedRequest, response: ServerResponse, index: number) => void) {
  const server = await startScriptedServer(script);
  servers.push(server);
  return { server, url: `${server.url}/video.mp4` };
}

/** Serves `file`, honouring Range when `ranges`, and cutting the first `drops` responses halfway. */
function serve({ ranges, drops }: { ranges: boolean; drops: number }) {
  return host((request, response, index) => {
    const start = ranges ? Number(/bytes=(\d+)-/.exec(String(request.headers.range))?.[1] ?? 0) : 0;
    const headers = { "content-type": "video/mp4", "content-length": String(file.length - start) };
    if (start > 0)
      response.writeHead(206, { ...headers, "content-range": `bytes ${start}-${file.length - 1}/${file.length}` });
    else response.writeHead(200, headers);
    const rest = file.subarray(start);
    if (index < drops) response.write(rest.subarray(0, rest.length / 2), () => response.destroy());
    else response.end(rest);
  });
}

/** Headers and the first `bytes` of the file, then one more byte every `everyMs` (0: never). */
function drip({ bytes = 0, everyMs }: { bytes?: number; everyMs: number }) {
  return host((_request, response) => {
    response.writeHead(200, { "content-type": "video/mp4", "content-length": String(file.length) });
    response.write(file.subarray(0, bytes));
    if (everyMs === 0) return;
    let sent = bytes;
    const timer = setInterval(() => response.write(file.subarray(sent, ++sent)), everyMs);
    response.on("close", () => clearInterval(timer));
  });
}

const tempFolder = () => mkdtemp(join(tmpdir(), "seedance-download-"));
const tempFile = async () => join(await tempFolder(), "video.mp4");

/** A folder holding the user's `video.mp4`. */
async function existingFile() {
  const folder = await tempFolder();
  const path = join(folder, "video.mp4");
  await writeFile(path, precious);
  return { folder, path };
}

/** What a failure must leave: the user's file as it was, and nothing else (no temporary file). */
async function expectUntouched(folder: string, path: string) {
  expect(await readFile(path, "utf8")).toBe(precious);
  expect(await readdir(folder)).toEqual(["video.mp4"]);
}

/** Runs `download` and says how long it took to settle, and how. */
async function timed(download: Promise<unknown>) {
  const started = performance.now();
  const error = await download.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  return { error, elapsed: performance.now() - started };
}

describe("client.download", () => {
  it("streams to a file with progress, reports bytes and sha256, and sends no API key to the file host", async () => {
    const { server, url } = await serve({ ranges: true, drops: 0 });
    const path = await tempFile();
    const seen: number[] = [];
    const result = await client.download(url, path, { onProgress: (p) => seen.push(p.received) });
    expect(result).toEqual({ bytes: file.length, sha256: fileSha256 });
    expect((await readFile(path)).equals(file)).toBe(true);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toBe(file.length);
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
    expect(server.requests[0]?.headers["accept-encoding"]).toBe("identity");
  });

  it("resumes a dropped connection with Range when the server answers 206", async () => {
    const { server, url } = await serve({ ranges: true, drops: 2 });
    const path = await tempFile();
    const totals = new Set<number | undefined>();
    const result = await client.download(url, path, { onProgress: (p) => totals.add(p.total) });
    expect((await readFile(path)).equals(file)).toBe(true);
    expect(result.sha256).toBe(fileSha256);
    expect(totals).toEqual(new Set([file.length]));
    const ranges = server.requests.map((r) => r.headers.range);
    expect(ranges).toEqual([undefined, expect.stringMatching(/^bytes=\d+-$/), expect.stringMatching(/^bytes=\d+-$/)]);
  });

  it("fails when the server cannot resume, and leaves no partial or temporary file", async () => {
    const { url } = await serve({ ranges: false, drops: 1 });
    const folder = await tempFolder();
    await expect(client.download(url, join(folder, "video.mp4"))).rejects.toBeInstanceOf(APIConnectionError);
    expect(await readdir(folder)).toEqual([]);
  });

  it("writes to a web WritableStream and a Node Writable", async () => {
    const { url } = await serve({ ranges: true, drops: 0 });
    const web: Uint8Array[] = [];
    const result = await client.download(url, new WritableStream({ write: (chunk) => void web.push(chunk) }));
    expect(Buffer.concat(web).equals(file)).toBe(true);
    expect(result.sha256).toBe(fileSha256);
    const node: Buffer[] = [];
    const sink = new Writable({
      write: (chunk, _, done) => {
        node.push(chunk);
        done();
      },
    });
    await client.download(url, sink);
    expect(Buffer.concat(node).equals(file)).toBe(true);
  });

  it("saves a file whose sha256 matches, in any case of hex", async () => {
    const { url } = await serve({ ranges: true, drops: 0 });
    const path = await tempFile();
    await expect(client.download(url, path, { sha256: fileSha256.toUpperCase() })).resolves.toMatchObject({
      sha256: fileSha256,
    });
  });

  it("follows a redirect to the file, and fails (instead of looping) on a redirect loop", async () => {
    const { url } = await host((_request, response) => {
      response.writeHead(302, { location: "/loop" });
      response.end();
    });
    const { url: fileUrl } = await serve({ ranges: true, drops: 0 });
    const { url: hop } = await host((_request, response) => {
      response.writeHead(307, { location: fileUrl });
      response.end();
    });
    await expect(client.download(hop, await tempFile())).resolves.toMatchObject({ bytes: file.length });
    await expect(client.download(url, await tempFile())).rejects.toBeInstanceOf(APIConnectionError);
  });

  it("rejects bad options with a typed error that names the option", async () => {
    const url = "http://127.0.0.1:9/video.mp4";
    const path = await tempFile();
    await expect(client.download(url, path, { sha256: "abc" })).rejects.toThrow(/Invalid sha256/);
    await expect(client.download(url, path, { timeout: -1 })).rejects.toThrow(/Invalid timeout/);
    await expect(client.download(url, path, { idleTimeout: Number.NaN })).rejects.toThrow(/Invalid idleTimeout/);
    await expect(client.download("not a url", path)).rejects.toBeInstanceOf(SeedanceError);
  });

  it("names a missing folder in its error, and sends nothing", async () => {
    const { server, url } = await serve({ ranges: true, drops: 0 });
    const folder = join(await tempFolder(), "missing");
    await expect(client.download(url, join(folder, "video.mp4"))).rejects.toThrow(
      `the folder ${folder} does not exist`,
    );
    expect(server.requests).toHaveLength(0);
  });
});

// The "Downloads destroy files": each test fails on the code that opened (so truncated) the
// target before the request, and passes with the temporary file renamed into place.
describe("downloads never destroy a file", () => {
  it("a failing media host (500) leaves an existing file intact, and no temporary file", async () => {
    const { url } = await host((_request, response) => {
      response.writeHead(500, { "content-type": "text/plain" });
      response.end("media host down");
    });
    const { folder, path } = await existingFile();
    await expect(client.download(url, path, { overwrite: true })).rejects.toBeInstanceOf(InternalServerError);
    await expectUntouched(folder, path);
  });

  it("a drop the host cannot resume leaves an existing file intact, and no temporary file", async () => {
    const { url } = await serve({ ranges: false, drops: 1 });
    const { folder, path } = await existingFile();
    await expect(client.download(url, path, { overwrite: true })).rejects.toBeInstanceOf(APIConnectionError);
    await expectUntouched(folder, path);
  });

  it("no silent overwrite: an existing file is refused with DestinationExistsError, before any request", async () => {
    const { server, url } = await serve({ ranges: true, drops: 0 });
    const { folder, path } = await existingFile();
    const error = await client.download(url, path).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(DestinationExistsError);
    expect(error).toBeInstanceOf(SeedanceError);
    expect(error).toMatchObject({ path, message: expect.stringContaining("overwrite: true") });
    expect((error as Error).message).toContain(path);
    expect(server.requests).toHaveLength(0);
    await expectUntouched(folder, path);
  });

  it("overwrite: true replaces an existing file only once the new one is complete", async () => {
    const { url } = await serve({ ranges: true, drops: 0 });
    const { folder, path } = await existingFile();
    let before = "";
    await client.download(url, path, {
      overwrite: true,
      onProgress: ({ received }) => {
        if (received < file.length) return;
        // The last chunk has arrived, the new file is not yet renamed: the old content is still there.
        before = readFileSync(path, "utf8");
      },
    });
    expect(before).toBe(precious);
    expect((await readFile(path)).equals(file)).toBe(true);
    expect(await readdir(folder)).toEqual(["video.mp4"]);
  });

  it("a symlink at the target is refused (even a dangling one); overwrite replaces the link, never the file it points to", async () => {
    const { url } = await serve({ ranges: true, drops: 0 });
    const outside = await existingFile();
    const folder = await tempFolder();
    const link = join(folder, "video.mp4");
    await symlink(outside.path, link);
    const dangling = join(folder, "gone.mp4");
    await symlink(join(outside.folder, "nothing-here.mp4"), dangling);

    await expect(client.download(url, link)).rejects.toBeInstanceOf(DestinationExistsError);
    await expect(client.download(url, dangling)).rejects.toBeInstanceOf(DestinationExistsError);
    expect(await readlink(link)).toBe(outside.path);
    await expectUntouched(outside.folder, outside.path);

    await client.download(url, link, { overwrite: true });
    expect((await lstat(link)).isSymbolicLink()).toBe(false);
    expect((await readFile(link)).equals(file)).toBe(true);
    await expectUntouched(outside.folder, outside.path);
  });

  it("a file whose sha256 differs is not saved: DownloadVerificationError, the existing file intact", async () => {
    const { url } = await serve({ ranges: true, drops: 0 });
    const { folder, path } = await existingFile();
    const wrong = "0".repeat(64);
    const error = await client.download(url, path, { overwrite: true, sha256: wrong }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadVerificationError);
    expect(error).toMatchObject({ check: "sha256", expected: wrong, actual: fileSha256 });
    await expectUntouched(folder, path);
  });

  it("a host that sends more than the size it announced is not saved", async () => {
    const { url } = await host((_request, response) => {
      // Chunked, so nothing below HTTP stops the extra bytes; the Content-Range total says 10.
      response.writeHead(206, { "content-range": "bytes 0-9/10" });
      response.end(file.subarray(0, 20));
    });
    const { folder, path } = await existingFile();
    const error = await client.download(url, path, { overwrite: true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "DownloadVerificationError", check: "size", expected: "10" });
    await expectUntouched(folder, path);
  });

  it("a full disk mid-download leaves an existing file intact, and no temporary file", async () => {
    // A child process whose files may not grow past 64 KiB (RLIMIT_FSIZE): its writes fail with
    // EFBIG mid-download, as they would with ENOSPC on a full disk.
    const { url } = await serve({ ranges: true, drops: 0 });
    const { folder, path } = await existingFile();
    const sdk = fileURLToPath(new URL("../dist/index.js", import.meta.url));
    const script = join(await tempFolder(), "download.mjs");
    await writeFile(
      script,
      `import { SeedanceClient } from ${JSON.stringify(sdk)};
const [url, path] = process.argv.slice(2);
await new SeedanceClient({ apiKey: "sk-test" }).download(url, path, { overwrite: true }).then(
  () => console.log("saved"),
  (error) => console.log(JSON.stringify({ failed: error.code ?? error.name })),
);`,
    );
    const run = await runProcess(
      "bash",
      ["-c", 'ulimit -f 64 && exec "$@"', "bash", process.execPath, script, url, path],
      {
        timeoutMs: 30_000,
      },
    );
    expect(JSON.parse(run.stdout)).toEqual({ failed: "EFBIG" });
    await expectUntouched(folder, path);
  });
});

describe("downloads end on time", () => {
  it("a host dripping 1 byte a second stops at a 4 s timeout with APITimeoutError", async () => {
    const { url } = await drip({ everyMs: 1000 });
    const { folder, path } = await existingFile();
    const { error, elapsed } = await timed(client.download(url, path, { timeout: 4000, overwrite: true }));
    expect(error).toBeInstanceOf(APITimeoutError);
    expect((error as Error).message).toMatch(/did not finish within 4000 ms/);
    expect(elapsed).toBeGreaterThanOrEqual(3900);
    expect(elapsed).toBeLessThan(6000);
    await expectUntouched(folder, path);
  }, 15_000);

  it("the client's timeout applies to its downloads", async () => {
    const { url } = await drip({ everyMs: 200 });
    const { error, elapsed } = await timed(
      new SeedanceClient({ apiKey: "sk-test", timeout: 1000 }).download(url, await tempFile()),
    );
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(elapsed).toBeLessThan(3000);
  }, 15_000);

  it("an idle host (silent after the first bytes) fails at idleTimeout, and no temporary file is left", async () => {
    const { url } = await drip({ bytes: 1000, everyMs: 0 });
    const folder = await tempFolder();
    const { error, elapsed } = await timed(client.download(url, join(folder, "video.mp4"), { idleTimeout: 300 }));
    expect(error).toBeInstanceOf(APITimeoutError);
    expect((error as Error).message).toMatch(/nothing arrived for 300 ms/);
    expect(elapsed).toBeLessThan(3000);
    expect(await readdir(folder)).toEqual([]);
  }, 15_000);

  it("a host that never answers fails at idleTimeout", async () => {
    const { url } = await host(() => {});
    const { error, elapsed } = await timed(client.download(url, await tempFile(), { idleTimeout: 300 }));
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(elapsed).toBeLessThan(3000);
  }, 15_000);

  it("a stream destination keeps the deadlines", async () => {
    const { url } = await drip({ bytes: 1000, everyMs: 0 });
    const received: Uint8Array[] = [];
    const sink = new WritableStream<Uint8Array>({ write: (chunk) => void received.push(chunk) });
    const { error, elapsed } = await timed(client.download(url, sink, { idleTimeout: 300 }));
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(elapsed).toBeLessThan(3000);
  }, 15_000);

  it("an abort mid-download leaves no temporary file, and the existing file intact", async () => {
    const { url } = await drip({ bytes: 1000, everyMs: 0 });
    const { folder, path } = await existingFile();
    const controller = new AbortController();
    const error = await client
      .download(url, path, { overwrite: true, signal: controller.signal, onProgress: () => controller.abort() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    await expectUntouched(folder, path);
  });

  it("stops at once when already aborted", async () => {
    const { server, url } = await serve({ ranges: true, drops: 0 });
    const controller = new AbortController();
    controller.abort();
    await expect(client.download(url, await tempFile(), { signal: controller.signal })).rejects.toMatchObject({
      name: "AbortError",
    });
    expect(server.requests).toHaveLength(0);
  });
});
