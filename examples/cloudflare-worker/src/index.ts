// A Worker with the key-adding proxy for browser apps under /api/seedance/ and the Seedance webhook
// receiver at /webhooks/seedance. Both are plain `(Request) => Promise<Response>` handlers.
import { createProxyHandler, createWebhookHandler, type WebhookEvent } from "@seedance/edge";

export interface Env {
  SEEDANCE_API_KEY: string;
  SEEDANCE_WEBHOOK_SECRET: string;
  SEEDANCE_BASE_URL?: string;
  /** This Worker's webhook route as the API reaches it, e.g. https://your.worker.dev/webhooks/seedance. */
  SEEDANCE_WEBHOOK_URL?: string;
}

type Handler = (request: Request) => Promise<Response>;

// Bindings only arrive with a request, but stay the same for the isolate: build the handlers once,
// so the webhook receiver's in-memory dedupe outlives a single delivery.
let routes: { proxy: Handler; webhooks: Handler } | undefined;

function handleEvent(event: WebhookEvent): void {
  // A real app would update a KV entry or a Durable Object here.
  console.log("webhook:", event.event, event.data.taskId);
}

// Typed without the ambient `ExportedHandler`, so other TypeScript setups (tests, Node types) accept it too.
export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    routes ??= {
      // Webhooks go to this Worker's receiver, whatever the browser sent.
      proxy: createProxyHandler({
        apiKey: env.SEEDANCE_API_KEY,
        baseUrl: env.SEEDANCE_BASE_URL,
        policy: { webhookUrl: env.SEEDANCE_WEBHOOK_URL },
        // No sign-in in this example: anyone who reaches the Worker spends the key (it warns once at
        // start). A real app sets policy.authorize from its session instead.
        allowAnonymous: true,
      }),
      webhooks: createWebhookHandler({ secret: env.SEEDANCE_WEBHOOK_SECRET, onEvent: handleEvent }),
    };
    const { pathname } = new URL(request.url);
    if (pathname.startsWith("/api/seedance/")) return routes.proxy(request);
    if (pathname === "/webhooks/seedance") return routes.webhooks(request);
    return new Response("Not found", { status: 404 });
  },
};
