// Behaviour over time against the sandbox (the stateful simulator behind Prism's validating proxy),
// through the real `ai` functions: images as bytes, videos by polling and by webhook, deliveries
// that must not be trusted, and a retried start that must not make a second task.
import { APICallError, InvalidArgumentError } from "@ai-sdk/provider";
import { type Sandbox, startSandbox } from "@seedance/sandbox";
import { experimental_generateVideo, generateImage } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSeedance } from "../src/index.js";
import { MAX_IMAGES_PER_CALL } from "../src/spec.js";
import { type Delivery, loopbackDownload, webhookEndpoint } from "./helpers.js";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ taskSeconds: 1, webhookRetryDelaysMs: [100, 100] });
});
afterAll(() => sandbox?.stop());

interface Sent {
  method: string;
  path: string;
  headers: Headers;
  body: Record<string, unknown> | undefined;
}

/** A provider whose fetch records every API request it sends. */
function recordingProvider(options: { fetch?: typeof fetch; webhookSecret?: string; maxRetries?: number } = {}) {
  const sent: Sent[] = [];
  const inner = options.fetch ?? fetch;
  const provider = createSeedance({
    apiKey: sandbox.apiKey,
    baseURL: sandbox.url,
    webhookSecret: options.webhookSecret ?? sandbox.webhookSecret,
    ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
    fetch: (async (input: string | URL | Request, init?: RequestInit) => {
      const url = new URL(String(input));
      if (url.pathname.startsWith("/v1/")) {
        const body = typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
        sent.push({ method: init?.method ?? "GET", path: url.pathname, headers: new Headers(init?.headers), body });
      }
      return inner(input, init);
    }) as typeof fetch,
  });
  return { provider, sent };
}

const poll = { intervalMs: 200, timeoutMs: 20_000 };
const statusPolls = (sent: Sent[]) => sent.filter((request) => request.path.startsWith("/v1/tasks/")).length;

describe("generateImage", () => {
  it("returns the images as bytes, with URLs, ids and timings in providerMetadata", async () => {
    const { provider, sent } = recordingProvider();
    const result = await generateImage({
      model: provider.image("seedream-4.5"),
      prompt: "A cyberpunk city street with neon signs",
      n: 2,
      size: "2048x2048",
      seed: 7,
      providerOptions: { seedance: { quality: "high", style: "watercolor" } },
    });
    expect(result.warnings).toEqual([]);
    expect(sent.map((request) => request.body)).toEqual([
      {
        prompt: "A cyberpunk city street with neon signs",
        model: "seedream-4.5",
        num_images: 2,
        seed: 7,
        resolution: "2048x2048",
        quality: "high",
        style: "watercolor",
      },
    ]);
    const metadata = result.providerMetadata.seedance as { images: { id: string; url: string; taskId: string }[] };
    expect(metadata.images).toHaveLength(2);
    const call = result.calls[0]?.providerMetadata?.seedance as unknown as {
      taskId: string;
      processingTimeMs: number;
      requestId: string;
    };
    expect(call.processingTimeMs).toBeTypeOf("number");
    expect(call.requestId).toMatch(/^req_/);
    expect(metadata.images[0]?.taskId).toBe(call.taskId);
    expect(result.responses[0]?.headers?.["x-request-id"]).toBe(call.requestId);
    for (const [index, image] of result.images.entries()) {
      const served = new Uint8Array(await (await fetch(metadata.images[index]?.url ?? "")).arrayBuffer());
      expect(image.uint8Array).toEqual(served);
      expect(image.mediaType).toMatch(/^image\//);
      expect(metadata.images[index]?.id).toBeTypeOf("string");
    }
  });

  it(`splits n above the spec's num_images maximum (${MAX_IMAGES_PER_CALL}) into several requests`, async () => {
    const { provider, sent } = recordingProvider();
    const n = MAX_IMAGES_PER_CALL + 1;
    const result = await generateImage({ model: provider.image("seedream-4.0"), prompt: "A red fox", n });
    expect(result.images).toHaveLength(n);
    expect(sent.map((request) => request.body?.num_images).sort()).toEqual([1, MAX_IMAGES_PER_CALL]);
  });

  it("warns about a size and an aspect ratio the API cannot honour, and sends neither", async () => {
    const { provider, sent } = recordingProvider();
    const result = await generateImage({
      model: provider.image("seedream-4.5"),
      prompt: "A red fox",
      size: "1536x1024",
      aspectRatio: "16:9",
    });
    expect(result.warnings).toEqual([
      expect.objectContaining({ type: "unsupported", feature: "size" }),
      expect.objectContaining({ type: "unsupported", feature: "aspectRatio" }),
    ]);
    expect(sent[0]?.body).not.toHaveProperty("resolution");
    expect(result.images).toHaveLength(1);
  });
});

describe("experimental_generateVideo", () => {
  it("polls until the task completes and returns the video with its duration and resolution", async () => {
    const { provider, sent } = recordingProvider();
    const result = await experimental_generateVideo({
      model: provider.video("seedance-1.5-pro"),
      prompt: "A spacecraft entering the atmosphere",
      duration: 5,
      resolution: "1920x1080",
      fps: 24,
      poll,
      download: loopbackDownload,
    });
    expect(sent[0]?.body).toEqual({
      prompt: "A spacecraft entering the atmosphere",
      model: "seedance-1.5-pro",
      duration: 5,
      resolution: "1080p",
      fps: 24,
    });
    expect(new TextDecoder().decode(result.video.uint8Array.subarray(4, 8))).toBe("ftyp");
    expect(result.video.mediaType).toBe("video/mp4");
    expect(result.providerMetadata.seedance).toMatchObject({
      status: "completed",
      progress: 100,
      videos: [{ url: expect.stringMatching(/\.mp4$/), duration: 5, resolution: "1080p" }],
    });
    expect(statusPolls(sent)).toBeGreaterThan(1);
  });

  it("rejects with the task's error message when it fails", async () => {
    const { provider } = recordingProvider();
    const failure = experimental_generateVideo({
      model: provider.video("seedance-1.0"),
      prompt: "A lighthouse at dawn [fail]",
      duration: 5,
      poll,
      download: loopbackDownload,
    });
    await expect(failure).rejects.toThrow(/Simulated failure/);
  });

  it("sends a URL image as image_input", async () => {
    const { provider, sent } = recordingProvider();
    const image = await generateImage({ model: provider.image("seedream-4.5"), prompt: "A red fox" });
    const url = (image.providerMetadata.seedance as { images: { url: string }[] }).images[0]?.url ?? "";
    const result = await experimental_generateVideo({
      model: provider.video("seedance-2.0"),
      prompt: { text: "The fox runs", image: url },
      duration: 5,
      poll,
      download: loopbackDownload,
    });
    expect(sent.find((request) => request.path === "/v1/seedance/generate")?.body?.image_input).toBe(url);
    expect(result.videos).toHaveLength(1);
  });

  it("refuses raw image bytes with a clear error, before any request", async () => {
    const { provider, sent } = recordingProvider();
    const error = await experimental_generateVideo({
      model: provider.video("seedance-2.0"),
      prompt: { text: "The fox runs", image: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) },
      duration: 5,
      poll,
    }).catch((failure: unknown) => failure);
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/as a URL \(image_input\), not as bytes/);
    expect(sent).toEqual([]);
  });

  it("makes one task when ai retries doStart after a lost answer, by its idempotency key", async () => {
    let lost = false;
    const { provider, sent } = recordingProvider({
      maxRetries: 0, // only ai retries, so the repeat below is ai's doStart retry
      fetch: (async (input: string | URL | Request, init?: RequestInit) => {
        const response = await fetch(input, init);
        if (!lost && new URL(String(input)).pathname === "/v1/seedance/generate") {
          lost = true;
          await response.text(); // the task was created; its answer never reaches the client
          throw new TypeError("fetch failed: socket hang up");
        }
        return response;
      }) as typeof fetch,
    });
    const result = await experimental_generateVideo({
      model: provider.video("seedance-1.0"),
      prompt: "A paper boat on a river",
      duration: 5,
      poll,
      download: loopbackDownload,
    });
    const starts = sent.filter((request) => request.path === "/v1/seedance/generate");
    expect(starts).toHaveLength(2);
    const keys = starts.map((request) => request.headers.get("idempotency-key"));
    expect(keys[0]).toMatch(/^aisdk_vid_/);
    expect(keys[1]).toBe(keys[0]);
    // Every status poll asked about the one task the sandbox made for that key.
    const taskId = (result.providerMetadata.seedance as { taskId: string }).taskId;
    const polled = new Set(sent.filter((r) => r.path.startsWith("/v1/tasks/")).map((r) => r.path));
    expect([...polled]).toEqual([`/v1/tasks/${taskId}`]);
  });
});

describe("experimental_generateVideo with a webhook", () => {
  let genuine: Delivery | undefined;

  it("completes from a verified webhook delivery", async () => {
    const { provider, sent } = recordingProvider();
    const endpoint = await webhookEndpoint();
    try {
      const result = await experimental_generateVideo({
        model: provider.video("seedance-1.5-pro"),
        prompt: "A hummingbird in slow motion",
        duration: 5,
        poll: { intervalMs: 60_000, timeoutMs: 20_000 },
        webhook: async () => ({ url: endpoint.url, received: endpoint.received }),
        download: loopbackDownload,
      });
      expect(sent[0]?.body?.webhook_url).toBe(endpoint.url);
      // No warning: the delivery passed verification (a refused one is reported as a warning).
      expect(result.warnings).toEqual([]);
      expect(result.providerMetadata.seedance).toMatchObject({ status: "completed" });
      expect(new TextDecoder().decode(result.video.uint8Array.subarray(4, 8))).toBe("ftyp");
      genuine = await endpoint.received;
      expect(JSON.parse(genuine.body).event).toBe("task.completed");
      console.info(`webhook: ${statusPolls(sent)} status poll(s), ${endpoint.deliveries.length} deliveries`);
    } finally {
      await endpoint.stop();
    }
  });

  it.each([
    ["forged", (): Delivery => forge(genuine)],
    ["replayed", (): Delivery => genuine as Delivery],
  ])("rejects a %s delivery with a warning and falls back to polling", async (_kind, delivery) => {
    expect(genuine).toBeDefined();
    const { provider } = recordingProvider();
    const result = await experimental_generateVideo({
      model: provider.video("seedance-1.0"),
      prompt: "A hummingbird in slow motion",
      duration: 5,
      poll: { intervalMs: 200, timeoutMs: 20_000 },
      // The endpoint hands over a delivery that did not come from this task's Seedance webhook.
      webhook: async () => ({ url: "https://app.example/webhooks/seedance", received: Promise.resolve(delivery()) }),
      download: loopbackDownload,
    });
    expect(result.warnings).toEqual([
      expect.objectContaining({ type: "other", message: expect.stringMatching(/was rejected .*polled instead/) }),
    ]);
    expect(result.providerMetadata.seedance).toMatchObject({ status: "completed" });
  });

  it("refuses a webhook without a secret to verify it, before starting a task", async () => {
    const { provider, sent } = recordingProvider({ webhookSecret: "" });
    const failure = experimental_generateVideo({
      model: provider.video("seedance-1.0"),
      prompt: "A hummingbird",
      duration: 5,
      webhook: async () => ({ url: "https://app.example/hooks", received: new Promise(() => {}) }),
    });
    await expect(failure).rejects.toThrow(/webhookSecret/);
    expect(sent).toEqual([]);
  });
});

it("keeps the API key out of an error from a refused key", async () => {
  const apiKey = "sk-live-not-a-sandbox-key-123";
  const provider = createSeedance({ apiKey, baseURL: sandbox.url });
  const error = await generateImage({ model: provider.image("seedream-4.5"), prompt: "A fox", maxRetries: 0 }).catch(
    (failure: unknown) => failure,
  );
  expect(APICallError.isInstance(error)).toBe(true);
  expect((error as APICallError).statusCode).toBe(401);
  expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(apiKey);
});

/** The genuine delivery with its body changed after signing (a completed task that is not ours). */
function forge(delivery: Delivery | undefined): Delivery {
  if (!delivery) throw new Error("no genuine delivery to forge from");
  const body = JSON.parse(delivery.body);
  body.data.result.video_url = "https://attacker.example/video.mp4";
  return { headers: { ...delivery.headers, "webhook-id": `msg_forged_${Date.now()}` }, body: JSON.stringify(body) };
}
