import { beforeAll, expect, it } from "vitest";
import { useSandbox } from "../src/sandbox.ts";
import { serveWeb } from "../src/serve.ts";
import { createVideoWithWebhook } from "../src/webhooks.ts";

const sandbox = useSandbox();
let url: string;

beforeAll(async () => {
  // The routes read their settings from process.env, as on Vercel.
  Object.assign(process.env, {
    SEEDANCE_API_KEY: sandbox().apiKey,
    SEEDANCE_BASE_URL: sandbox().url,
    SEEDANCE_WEBHOOK_SECRET: sandbox().webhookSecret,
  });
  const proxy = await import("../../nextjs-route/app/api/seedance/[...path]/route.ts");
  const webhooks = await import("../../nextjs-route/app/api/webhooks/seedance/route.ts");
  // Next.js's routing, reduced to these two routes and their methods.
  url = await serveWeb(async (request) => {
    const { pathname } = new URL(request.url);
    if (pathname === "/api/webhooks/seedance" && request.method === "POST") return webhooks.POST(request);
    if (pathname.startsWith("/api/seedance/"))
      return request.method === "GET" ? proxy.GET(request) : proxy.POST(request);
    return new Response(null, { status: 404 });
  });
});

it("proxies a video generation and its status, and receives its webhooks", async () => {
  const { created, taskId, completed } = await createVideoWithWebhook(url, "/api/webhooks/seedance");
  expect(created.status).toBe(202);

  const status = await fetch(`${url}/api/seedance/v1/tasks/${taskId}`);
  expect(status.status).toBe(200);
  await completed();
});
