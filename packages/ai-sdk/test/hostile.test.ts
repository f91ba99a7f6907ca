// A hostile media host (or API) behind the provider: images are read into memory only up to
// `maxDownloadBytes`, and what the host or the task says reaches `ai`'s errors sanitised.
import { largeBody, pushed, type ScriptedServer, scriptedServerPool, sendJson } from "@seedance/testkit";
import { APICallError, experimental_getVideoStatus, generateImage } from "ai";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createSeedance } from "../src/index.js";

const KEY = "sk-hostile-ai-sdk-31b4";
const ESCAPES = "\u001b]8;;https://evil.example\u0007\u001b[2J\u202e";
const MiB = 1024 * 1024;

const { serve, stopAll } = scriptedServerPool();
afterEach(stopAll);

/** An API whose one image lives on `media`. */
async function apiWithImageOn(media: ScriptedServer) {
  return serve((_, response) =>
    sendJson(response, 200, {
      status: "success",
      data: { task_id: "task-1", images: [{ id: "img-1", url: `${media.url}/img-1.png` }], model: "seedream-4.5" },
    }),
  );
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe("image downloads", () => {
  it("refuse an image announced at 2 GiB at once, at the default maxDownloadBytes (128 MiB)", async () => {
    const counter = pushed();
    const media = await serve(largeBody(counter, { total: 2048 * MiB, announce: 2048 * MiB }));
    const provider = createSeedance({ apiKey: KEY, baseURL: (await apiWithImageOn(media)).url });
    const error = await failure(
      generateImage({ model: provider.image("seedream-4.5"), prompt: "a fox", maxRetries: 0 }),
    );
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/134217728 bytes, the maxDownloadBytes limit/);
    await vi.waitFor(() => expect(counter.cutByClient).toBe(true));
    expect(counter.bytes).toBeLessThan(64 * MiB);
  });

  it("stop an endless image at maxDownloadBytes", async () => {
    const counter = pushed();
    const media = await serve(largeBody(counter, { total: Number.POSITIVE_INFINITY }));
    const provider = createSeedance({ apiKey: KEY, baseURL: (await apiWithImageOn(media)).url, maxDownloadBytes: MiB });
    const error = await failure(
      generateImage({ model: provider.image("seedream-4.5"), prompt: "a fox", maxRetries: 0 }),
    );
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ isRetryable: false, message: expect.stringMatching(/1048576 bytes/) });
    await vi.waitFor(() => expect(counter.cutByClient).toBe(true));
    expect(counter.bytes).toBeLessThan(64 * MiB);
  });

  it("quote a refusing media host's answer bounded and sanitised", async () => {
    const counter = pushed();
    const chunk = Buffer.from(`no image ${ESCAPES} `);
    const media = await serve(largeBody(counter, { status: 500, total: Number.POSITIVE_INFINITY, chunk }));
    const provider = createSeedance({ apiKey: KEY, baseURL: (await apiWithImageOn(media)).url });
    const error = await failure(
      generateImage({ model: provider.image("seedream-4.5"), prompt: "a fox", maxRetries: 0 }),
    );
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ statusCode: 500 });
    expect(JSON.stringify(error)).not.toMatch(/\\u001b|\\u0007|\u202e/);
    expect((error as APICallError).responseBody?.length).toBeLessThan(64 * 1024);
    await vi.waitFor(() => expect(counter.cutByClient).toBe(true));
  });
});

it("a failed task's error_message reaches `ai` sanitised, without the key", async () => {
  const api = await serve((_, response) =>
    sendJson(response, 200, {
      status: "success",
      data: {
        task_id: "task-1",
        status: "failed",
        progress: 0,
        error_message: `${ESCAPES}rejected for key ${KEY}`,
        created_at: "2026-12-01T00:00:00Z",
        updated_at: "2026-12-01T00:00:05Z",
      },
    }),
  );
  const provider = createSeedance({ apiKey: KEY, baseURL: api.url });
  const status = await experimental_getVideoStatus(provider.video("seedance-2.0"), { operation: "task-1" });
  expect(status).toMatchObject({ status: "error", error: "]8;;https://evil.example[2Jrejected for key [redacted]" });
});
