import { crc32, inflateSync } from "node:zlib";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "./sandbox.ts";
import { apiClient, eventually } from "./test/support.ts";

let sandbox: Sandbox;
let call: ReturnType<typeof apiClient>;

beforeAll(async () => {
  sandbox = await startSandbox({ taskSeconds: 0.3 });
  call = apiClient(sandbox.url, sandbox.apiKey);
});
afterAll(() => sandbox?.stop());

async function generateImage(prompt: string) {
  const { body } = await call("/v1/seedream/generate", { body: { prompt, model: "seedream-4.0", seed: 7 } });
  return body.data.images[0];
}

async function download(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** The chunks of a PNG (after its signature), checking each one's CRC. */
function pngChunks(bytes: Buffer): { type: string; data: Buffer }[] {
  const chunks: { type: string; data: Buffer }[] = [];
  for (let offset = 0; offset < bytes.length; ) {
    const length = bytes.readUInt32BE(offset);
    const typeAndData = bytes.subarray(offset + 4, offset + 8 + length);
    expect(bytes.readUInt32BE(offset + 8 + length)).toBe(crc32(typeAndData));
    chunks.push({ type: typeAndData.subarray(0, 4).toString(), data: typeAndData.subarray(4) });
    offset += 12 + length;
  }
  return chunks;
}

it("serves a valid PNG of the declared size, its colour from the prompt", async () => {
  const image = await generateImage("A red barn");
  const { response, bytes } = await download(image.url);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("image/png");
  expect(Number(response.headers.get("content-length"))).toBe(image.size_bytes);
  expect(bytes.length).toBe(image.size_bytes);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const chunks = pngChunks(bytes.subarray(8));
  expect(chunks.map(({ type }) => type)).toEqual(["IHDR", "IDAT", "IEND"]);
  const [header, data] = chunks.map(({ data }) => data);
  expect([header?.readUInt32BE(0), header?.readUInt32BE(4)]).toEqual([image.width, image.height]);
  expect(inflateSync(data ?? Buffer.alloc(0)).length).toBe((1 + image.width * 3) * image.height);

  const same = await download((await generateImage("A red barn")).url);
  const other = await download((await generateImage("A blue lake")).url);
  expect(same.bytes).toEqual(bytes);
  expect(other.bytes).not.toEqual(bytes);
});

it("serves the video as an MP4 with byte ranges for resumable downloads", async () => {
  const created = await call("/v1/seedance/generate", {
    body: { prompt: "Waves", model: "seedance-1.0", duration: 5 },
  });
  const id: string = created.body.data.task_id;
  const videoUrl: string = await eventually(async () => (await call(`/v1/tasks/${id}`)).body.data.result?.video_url);

  const whole = await download(videoUrl);
  expect(whole.response.headers.get("content-type")).toBe("video/mp4");
  expect(whole.response.headers.get("accept-ranges")).toBe("bytes");
  expect(whole.bytes.subarray(4, 8).toString()).toBe("ftyp");
  expect(whole.bytes.includes(Buffer.from("mvhd"))).toBe(true);
  const size = whole.bytes.length;

  const tail = await download(videoUrl, { Range: "bytes=100-" });
  expect(tail.response.status).toBe(206);
  expect(tail.response.headers.get("content-range")).toBe(`bytes 100-${size - 1}/${size}`);
  expect(Number(tail.response.headers.get("content-length"))).toBe(size - 100);
  expect(Buffer.concat([whole.bytes.subarray(0, 100), tail.bytes])).toEqual(whole.bytes);

  const middle = await download(videoUrl, { Range: "bytes=8-15" });
  expect(middle.bytes).toEqual(whole.bytes.subarray(8, 16));
  const suffix = await download(videoUrl, { Range: "bytes=-10" });
  expect(suffix.bytes).toEqual(whole.bytes.subarray(size - 10));

  const beyond = await download(videoUrl, { Range: `bytes=${size}-` });
  expect(beyond.response.status).toBe(416);
  expect(beyond.response.headers.get("content-range")).toBe(`bytes */${size}`);
});

it("answers 404 for unknown media", async () => {
  expect((await fetch(`${sandbox.upstreamUrl}/media/images/nope.png`)).status).toBe(404);
});
