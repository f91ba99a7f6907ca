// The Express app: a proxy that adds the API key to the browser's calls, a webhook receiver, and
// optionally a static site (e.g. the browser-page example) that calls through the proxy.
import { createNodeProxyHandler, createWebhookMiddleware, type WebhookEvent } from "@seedance/node";
import express from "express";

export interface AppOptions {
  apiKey: string;
  baseUrl?: string | undefined;
  /** The webhook endpoint's signing secret (`whsec_…`). */
  webhookSecret: string;
  /** The webhook route as the API reaches it (e.g. https://your.app/webhooks/seedance), set on every generation. */
  webhookUrl?: string | undefined;
  onEvent: (event: WebhookEvent) => void | Promise<void>;
  staticDir?: string | undefined;
}

export function createApp(options: AppOptions): express.Express {
  const app = express();
  // Both before any body parser: the proxy streams the body on, and the signature covers the raw bytes.
  app.use(
    "/api/seedance",
    createNodeProxyHandler({
      apiKey: options.apiKey,
      baseUrl: options.baseUrl,
      policy: { maxDuration: 10, webhookUrl: options.webhookUrl },
      // A demo page without sign-in: anyone who reaches this server spends the key (it warns once at
      // start). A real app sets policy.authorize from its session instead.
      allowAnonymous: true,
    }),
  );
  app.post("/webhooks/seedance", createWebhookMiddleware({ secret: options.webhookSecret, onEvent: options.onEvent }));
  if (options.staticDir) app.use(express.static(options.staticDir));
  return app;
}
