// Downloads against a loopback server that serves a file, drops connections mid-way and answers
// Range requests, so resume, progress and cleanup are observed on the wire.
import { mkdtemp, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { type ScriptedServer, startScriptedServer } from "@seedance/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { APIConnectionError, SeedanceClient } from "../src/index.js";

const file = Buffer.from(Array.from({ length: 256 * 1024 }, (_, i) => i % 251));
const client = new SeedanceClient({ apiKey: "sk-test" });
let server: ScriptedServer | undefined;
afterEach(() => server?.stop());

/** Serves `file`, honouring Range when `ranges`, and cutting the first `drops` responses halfway. */
async function serve({ ranges, drops }: { ranges: boolean; drops: number }) {
  let dropped = 0;
  server = await startScriptedServer((request, response) => {
    const start = ranges ? Number(/bytes=(\d+)-/.exec(String(request.headers.range))?.[1] ?? 0) : 0;
    const headers = { "content-type": "video/mp4", "content-length": String(file.length - start) };
    if (start > 0)
      response.writeHead(206, { ...headers, "content-range": `bytes ${start}-${file.length - 1}/${file.length}` });
    else response.writeHead(200, headers);
    const rest = file.subarray(start);
    if (dropped < drops) {
      dropped++;
      response.write(rest.subarray(0, rest.length / 2), () => response.destroy());
    } else {
      response.end(rest);
    }
  });
  return `${server.url}/video.mp4`;
}

const tempFile = async () => join(await mkdtemp(join(tmpdir(), "seedance-download-")), "video.mp4");

describe("client.download", () => {
  it("streams to a file with progress, and sends no API key to the file host", async () => {
    const url = await serve({ ranges: true, drops: 0 });
    const path = await tempFile();
    const seen: number[] = [];
    const result = await client.download(url, path, { onProgress: (p) => seen.push(p.received) });
    expect(result.bytes).toBe(file.length);
    expect((await readFile(path)).equals(file)).toBe(true);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toBe(file.length);
    expect(server?.requests[0]?.headers.authorization).toBeUndefined();
  });

  it("resumes a dropped connection with Range when the server answers 206", async () => {
    const url = await serve({ ranges: true, drops: 2 });
    const path = await tempFile();
    const totals = new Set<number | undefined>();
    await client.download(url, path, { onProgress: (p) => totals.add(p.total) });
    expect((await readFile(path)).equals(file)).toBe(true);
    expect(totals).toEqual(new Set([file.length]));
    const ranges = server?.requests.map((r) => r.headers.range);
    expect(ranges).toEqual([undefined, expect.stringMatching(/^bytes=\d+-$/), expect.stringMatching(/^bytes=\d+-$/)]);
  });

  it("fails and removes the partial file when the server cannot resume", async () => {
    const url = await serve({ ranges: false, drops: 1 });
    const path = await tempFile();
    await expect(client.download(url, path)).rejects.toBeInstanceOf(APIConnectionError);
    await expect(stat(path)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("writes to a web WritableStream and a Node Writable", async () => {
    const url = await serve({ ranges: true, drops: 0 });
    const web: Uint8Array[] = [];
    await client.download(url, new WritableStream({ write: (chunk) => void web.push(chunk) }));
    expect(Buffer.concat(web).equals(file)).toBe(true);
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

  it("stops when aborted", async () => {
    const url = await serve({ ranges: true, drops: 0 });
    const controller = new AbortController();
    controller.abort();
    await expect(client.download(url, await tempFile(), { signal: controller.signal })).rejects.toMatchObject({
      name: "AbortError",
    });
  });
});
