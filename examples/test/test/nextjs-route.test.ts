import { beforeAll, expect, it } from "vitest";
import { useSandbox } from "../src/sandbox.ts";
import { serveWeb } from "../src/serve.ts";
import { createVideoWithWebhook } from "../src/webhooks.ts";

type Route = (request: Request) => Promise<Response>;

const sandbox = useSandbox();
let url: string;

beforeAll(async () => {
  const routes: { proxy?: { GET: Route; POST: Route }; webhooks?: { POST: Route } } = {};
  // Next.js's routing, reduced to these two routes and their methods.
  url = await serveWeb(async (request) => {
    const { pathname } = new URL(request.url);
    const { proxy, webhooks } = routes as Required<typeof routes>;
    if (pathname === "/api/webhooks/seedance" && request.method === "POST") return webhooks.POST(request);
    if (pathname.startsWith("/api/seedance/"))
      return request.method === "GET" ? proxy.GET(request) : proxy.POST(request);
    return new Response(null, { status: 404 });
  });
  // The routes read their settings from process.env, as on Vercel: the webhook URL is this app's own.
  Object.assign(process.env, {
    SEEDANCE_API_KEY: sandbox().apiKey,
    SEEDANCE_BASE_URL: sandbox().url,
    SEEDANCE_WEBHOOK_SECRET: sandbox().webhookSecret,
    SEEDANCE_WEBHOOK_URL: `${url}/api/webhooks/seedance`,
  });
  routes.proxy = await import("../../nextjs-route/app/api/seedance/[...path]/route.ts");
  routes.webhooks = await import("../../nextjs-route/app/api/webhooks/seedance/route.ts");
});

const generate = (user: string, fields: Record<string, unknown> = {}) =>
  fetch(`${url}/api/seedance/v1/seedance/generate`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: `session=${user}` },
    body: JSON.stringify({ prompt: "Waves", model: "seedance-1.5-pro", duration: 5, ...fields }),
  });

it("proxies a video generation and its status, and receives its webhooks at the fixed URL", async () => {
  const { created, taskId, completed } = await createVideoWithWebhook(url, { cookie: "session=u_1" });
  expect(created.status).toBe(202);

  const status = await fetch(`${url}/api/seedance/v1/tasks/${taskId}`, { headers: { cookie: "session=u_1" } });
  expect(status.status).toBe(200);
  await completed();
});

it("refuses a signed-out caller, and replaces a webhook_url from the browser", async () => {
  expect((await fetch(`${url}/api/seedance/v1/tasks/task-1`)).status).toBe(401);
  // With policy.webhookUrl set, the browser's choice is replaced, not forwarded.
  const replaced = await generate("u_2", { webhook_url: "http://169.254.169.254/latest" });
  expect(replaced.status).toBe(202);
});

it("gives each signed-in user 10 generations an hour, then 429 with Retry-After", async () => {
  for (let i = 0; i < 10; i++) expect((await generate("u_quota")).status).toBe(202);
  const over = await generate("u_quota");
  expect(over.status).toBe(429);
  expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
  expect((await generate("u_other")).status).toBe(202);
});
