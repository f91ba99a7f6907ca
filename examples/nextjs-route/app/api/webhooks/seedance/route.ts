// Seedance's webhook deliveries for this app: set the task's `webhook_url` to
// https://<your app>/api/webhooks/seedance.
import { createWebhookHandler, type WebhookEvent } from "@seedance/edge";

type Handler = (request: Request) => Promise<Response>;
let handler: Handler | undefined;

function handleEvent(event: WebhookEvent): void {
  // A real app would update its database here.
  console.log("webhook:", event.event, event.data.taskId);
}

export function POST(request: Request): Promise<Response> {
  // Built on first use rather than on import: `next build` loads route modules without the secret.
  handler ??= createWebhookHandler({ secret: process.env.SEEDANCE_WEBHOOK_SECRET ?? "", onEvent: handleEvent });
  return handler(request);
}
