// Interoperability with the reference implementation, `standardwebhooks` on npm.
import fc from "fast-check";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { generateWebhookSecret, signWebhook, verifyWebhook } from "./index.js";

const secret = fc.uint8Array({ minLength: 1, maxLength: 64 }).map((key) => Buffer.from(key).toString("base64"));
const prefixed = fc.boolean();
const id = fc.stringMatching(/^[!-~]{1,64}$/);
const payload = fc.record({
  event: fc.constantFrom("task.completed", "task.failed"),
  note: fc.string({ unit: "binary" }),
});

describe("standardwebhooks interoperability (property)", () => {
  it("verifies what the reference library signs", async () => {
    await fc.assert(
      fc.asyncProperty(secret, prefixed, id, payload, async (key, prefix, msgId, event) => {
        const full = prefix ? `whsec_${key}` : key;
        const body = JSON.stringify(event);
        const timestamp = new Date();
        const headers = {
          "webhook-id": msgId,
          "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
          "webhook-signature": new Webhook(full).sign(msgId, timestamp, body),
        };
        await expect(verifyWebhook(body, headers, full)).resolves.toEqual(event);
      }),
    );
  });

  it("produces what the reference library verifies", async () => {
    await fc.assert(
      fc.asyncProperty(secret, prefixed, id, payload, async (key, prefix, msgId, event) => {
        const full = prefix ? `whsec_${key}` : key;
        const { body, headers } = await signWebhook(event, full, { id: msgId });
        expect(new Webhook(full).verify(body, headers)).toEqual(event);
      }),
    );
  });

  it("agrees on rejecting a tampered delivery and on accepting a rotated one", async () => {
    const [old, next] = [generateWebhookSecret(), generateWebhookSecret()];
    const { body, headers } = await signWebhook({ event: "task.progress" }, [old, next]);
    expect(new Webhook(next).verify(body, headers)).toEqual({ event: "task.progress" });
    expect(() => new Webhook(next).verify(`${body} `, headers)).toThrow("No matching signature found");
    await expect(verifyWebhook(`${body} `, headers, next)).rejects.toMatchObject({ reason: "no_matching_signature" });
  });
});
