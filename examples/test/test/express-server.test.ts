import type { RequestListener } from "node:http";
import { beforeAll, expect, it } from "vitest";
import { generateImage } from "../../browser-page/src/generate.ts";
import { createApp } from "../../express-server/app.ts";
import { example } from "../src/paths.ts";
import { useSandbox } from "../src/sandbox.ts";
import { serve } from "../src/serve.ts";
import { createVideoWithWebhook } from "../src/webhooks.ts";

const sandbox = useSandbox();
let url: string;

beforeAll(async () => {
  const { apiKey, url: baseUrl, webhookSecret } = sandbox();
  // Listening first, so the app can be told its own webhook URL.
  let app: RequestListener | undefined;
  url = await serve((request, response) => app?.(request, response));
  app = createApp({
    apiKey,
    baseUrl,
    webhookSecret,
    webhookUrl: `${url}/webhooks/seedance`,
    onEvent: (event) => console.log("webhook:", event.event, event.data.taskId),
    staticDir: example("browser-page"),
  });
});

it("adds the key to the browser's calls, and refuses what the policy does not allow", async () => {
  const post = (body: object) =>
    fetch(`${url}/api/seedance/v1/seedance/generate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  expect((await post({ prompt: "Waves", model: "seedance-1.5-pro", duration: 5 })).status).toBe(202);
  expect((await post({ prompt: "Waves", model: "seedance-1.5-pro", duration: 15 })).status).toBe(403);
});

it("receives the sandbox's signed webhooks", async () => {
  const { completed } = await createVideoWithWebhook(url);
  await completed();
});

it("serves the browser page, whose client calls through the proxy", async () => {
  expect(await (await fetch(`${url}/index.html`)).text()).toContain('<form id="generate">');
  expect(await generateImage("A lighthouse at dawn", `${url}/api/seedance`)).toMatch(/^http/);
});
