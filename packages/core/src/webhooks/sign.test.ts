import { describe, expect, it } from "vitest";
import { signWebhook } from "./sign.js";

describe("signWebhook", () => {
  it("matches the Standard Webhooks reference vector", async () => {
    const signed = await signWebhook('{"test": 2432232314}', "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", {
      id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
      timestamp: new Date(1614265330_000),
    });
    expect(signed).toEqual({
      headers: {
        "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
        "webhook-timestamp": "1614265330",
        "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
      },
      body: '{"test": 2432232314}',
    });
  });

  it("serializes an object, and defaults to a random id and the current time", async () => {
    const before = Math.floor(Date.now() / 1000);
    const first = await signWebhook({ event: "task.progress" }, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    const second = await signWebhook({ event: "task.progress" }, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    expect(first.body).toBe('{"event":"task.progress"}');
    expect(first.headers["webhook-id"]).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(first.headers["webhook-id"]).not.toBe(second.headers["webhook-id"]);
    expect(Number(first.headers["webhook-timestamp"])).toBeGreaterThanOrEqual(before);
    expect(Number(first.headers["webhook-timestamp"])).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
  });

  it("signs once per secret, space-separated, as during a rotation", async () => {
    const { headers } = await signWebhook("{}", ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_AAAA"]);
    expect(headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]{43}= v1,[A-Za-z0-9+/]{43}=$/);
  });
});
