// Runs in Chromium: Web Crypto webhook signing and verification from @seedance/browser's build,
// returning plain data (the event, or the rejection's reason) for the Node side to check.
import { type SignedWebhook, signWebhook, verifyWebhook, type WebhookVerificationError } from "@seedance/browser";

async function outcome(body: string, headers: SignedWebhook["headers"], secret: string | string[]) {
  try {
    return { event: await verifyWebhook(body, headers, secret) };
  } catch (error) {
    const { name, reason } = error as WebhookVerificationError;
    return { name, reason };
  }
}

export const webhookScenarios = {
  /** Signs in the page, then verifies the delivery as sent and tampered in each part. */
  async roundTrip({ payload, secret, otherSecret }: { payload: object; secret: string; otherSecret: string }) {
    const { body, headers } = await signWebhook(payload, secret);
    const old = await signWebhook(payload, secret, { timestamp: new Date(Date.now() - 600_000) });
    return {
      good: await outcome(body, headers, secret),
      rotated: await outcome(body, headers, [otherSecret, secret]),
      tamperedBody: await outcome(body.replace("task-1", "task-2"), headers, secret),
      tamperedId: await outcome(body, { ...headers, "webhook-id": "msg_other" }, secret),
      wrongSecret: await outcome(body, headers, otherSecret),
      replayed: await outcome(old.body, old.headers, secret),
    };
  },

  sign: ({ payload, secret }: { payload: object; secret: string }) => signWebhook(payload, secret),

  /** Verifies a delivery signed elsewhere (in Node). */
  verify: ({ body, headers, secret }: { body: string; headers: SignedWebhook["headers"]; secret: string }) =>
    outcome(body, headers, secret),
};

export type WebhookScenarios = typeof webhookScenarios;

declare global {
  interface Window {
    webhookScenarios: WebhookScenarios;
  }
}
window.webhookScenarios = webhookScenarios;
