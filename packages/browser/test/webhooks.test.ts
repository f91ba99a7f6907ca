// Webhook signing and verification in real headless Chromium, from @seedance/browser's build: a
// round trip inside the page, and a delivery signed in Node verified in the page.
import { generateWebhookSecret, signWebhook, verifyWebhook } from "@seedance/core";
import { type Chromium, launchChromium } from "@seedance/testkit/chromium";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundlePage } from "./harness/bundle.ts";
import { pageHandler } from "./harness/page-server.ts";
import { type Served, serve } from "./harness/serve.ts";
import type { WebhookScenarios } from "./page/webhooks.ts";

const payload = {
  event: "task.completed",
  timestamp: "2024-01-15T10:35:00Z",
  data: {
    task_id: "task-1",
    status: "completed",
    model: "seedance-1.0",
    result: { video_url: "https://cdn.example/v.mp4" },
  },
};
const event = {
  event: "task.completed",
  timestamp: "2024-01-15T10:35:00Z",
  data: {
    taskId: "task-1",
    status: "completed",
    model: "seedance-1.0",
    result: { videoUrl: "https://cdn.example/v.mp4" },
  },
};

let browser: Chromium;
let page: Page;
let site: Served;

beforeAll(async () => {
  const noBackend = async () => new Response("not found", { status: 404 });
  site = await serve(pageHandler(await bundlePage("webhooks.ts"), noBackend));
  browser = await launchChromium();
  page = await browser.context.newPage();
  await page.goto(site.url);
  await page.waitForFunction(() => "webhookScenarios" in window);
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

function run<K extends keyof WebhookScenarios>(name: K, input: Parameters<WebhookScenarios[K]>[0]) {
  return page.evaluate(([scenario, args]) => (window.webhookScenarios[scenario] as (input: unknown) => unknown)(args), [
    name,
    input,
  ] as const) as Promise<Awaited<ReturnType<WebhookScenarios[K]>>>;
}

describe("webhooks in Chromium", () => {
  it("signs and verifies in the page; each tampering is rejected with its reason", async () => {
    const rejected = (reason: string) => ({ name: "WebhookVerificationError", reason });
    expect(
      await run("roundTrip", { payload, secret: generateWebhookSecret(), otherSecret: generateWebhookSecret() }),
    ).toEqual({
      good: { event },
      rotated: { event },
      tamperedBody: rejected("no_matching_signature"),
      tamperedId: rejected("no_matching_signature"),
      wrongSecret: rejected("no_matching_signature"),
      replayed: rejected("timestamp_too_old"),
    });
  });

  it("verifies in the page what Node signed, and Node verifies what the page signed", async () => {
    const secret = generateWebhookSecret();
    const signed = await signWebhook(payload, secret);
    expect(await run("verify", { ...signed, secret })).toEqual({ event });
    expect(await run("verify", { ...signed, body: `${signed.body} `, secret })).toEqual({
      name: "WebhookVerificationError",
      reason: "no_matching_signature",
    });
    const fromPage = await run("sign", { payload, secret });
    await expect(verifyWebhook(fromPage.body, fromPage.headers, secret)).resolves.toEqual(event);
  });
});
