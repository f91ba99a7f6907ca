// The Node package verifies webhooks with node:crypto's HMAC: same answers as Web Crypto's, faster.
import { randomBytes } from "node:crypto";
import * as edge from "@seedance/edge";
import { describe, expect, it } from "vitest";
import * as sdk from "../src/index.js";

const secret = edge.generateWebhookSecret();
const payload = {
  event: "task.completed",
  timestamp: "2024-01-15T10:35:00Z",
  data: { task_id: "t1", status: "completed", model: "seedance-2.0", result: { video_url: "https://x/v.mp4" } },
};

describe("node:crypto webhook verification", () => {
  it("computes the same MAC as Web Crypto for any key and content", async () => {
    for (let i = 0; i < 50; i++) {
      const key = new Uint8Array(randomBytes(1 + (i % 64)));
      const content = new Uint8Array(randomBytes(i * 7));
      const fromNode = await (await sdk.nodeHmac(key))(content);
      const fromWeb = await (await edge.webCryptoHmac(key))(content);
      expect(Buffer.from(fromNode).equals(Buffer.from(fromWeb))).toBe(true);
    }
  });

  it("is what the package's verifiers and handlers use, accepting good deliveries and rejecting tampered ones", async () => {
    expect(sdk.createWebhookVerifier).not.toBe(edge.createWebhookVerifier);
    const signed = await edge.signWebhook(payload, secret);
    const event = await sdk.verifyWebhook(signed.body, signed.headers, secret);
    expect(event.data.result?.videoUrl).toBe("https://x/v.mp4");
    const tampered = sdk.verifyWebhook(signed.body.replace("t1", "t2"), signed.headers, secret);
    await expect(tampered).rejects.toMatchObject({ reason: "no_matching_signature" });

    const handler = sdk.createWebhookHandler({ secret, onEvent: () => {} });
    const response = await handler(
      new Request("http://x/hook", { method: "POST", headers: signed.headers, body: signed.body }),
    );
    expect(response.status).toBe(204);
  });
});
