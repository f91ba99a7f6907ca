// A Cloudflare Worker that receives Seedance webhooks with the edge handler; GET /handled lists
// what it handled (the isolate's memory lives across requests in miniflare).
import { createWebhookHandler } from "seedance-sdk";

const handled = [];
let receive;

export default {
  fetch(request, env) {
    if (new URL(request.url).pathname === "/handled") return Response.json({ runtime: navigator.userAgent, handled });
    receive ??= createWebhookHandler({
      secret: env.WEBHOOK_SECRET,
      onEvent: (event, { id }) => void handled.push({ id, event }),
    });
    return receive(request);
  },
};
