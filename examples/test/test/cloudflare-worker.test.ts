import { beforeAll, expect, it } from "vitest";
import worker, { type Env } from "../../cloudflare-worker/src/index.ts";
import { useSandbox } from "../src/sandbox.ts";
import { serveWeb } from "../src/serve.ts";
import { createVideoWithWebhook } from "../src/webhooks.ts";

const sandbox = useSandbox();
let url: string;

beforeAll(async () => {
  const env: Env = {
    SEEDANCE_API_KEY: sandbox().apiKey,
    SEEDANCE_BASE_URL: sandbox().url,
    SEEDANCE_WEBHOOK_SECRET: sandbox().webhookSecret,
  };
  // The Worker's fetch handler as workerd would call it, on a loopback port the sandbox can reach.
  url = await serveWeb((request) => worker.fetch(request, env));
  env.SEEDANCE_WEBHOOK_URL = `${url}/webhooks/seedance`;
});

it("proxies an image generation with the key from its bindings", async () => {
  const response = await fetch(`${url}/api/seedance/v1/seedream/generate`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ prompt: "A red barn", model: "seedream-4.5" }),
  });
  expect(response.status).toBe(200);
  expect(((await response.json()) as { data: { images: unknown[] } }).data.images).toHaveLength(1);
});

it("verifies and handles the sandbox's webhooks, and rejects a forged one", async () => {
  const { completed } = await createVideoWithWebhook(url);
  await completed();

  const forged = await fetch(`${url}/webhooks/seedance`, {
    method: "POST",
    headers: { "webhook-id": "msg_1", "webhook-timestamp": "1", "webhook-signature": "v1,AAAA" },
    body: "{}",
  });
  expect(forged.status).toBe(400);
});

it("answers 404 elsewhere", async () => {
  expect((await fetch(`${url}/`)).status).toBe(404);
});
