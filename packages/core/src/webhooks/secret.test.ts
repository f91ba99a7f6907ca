import { describe, expect, it } from "vitest";
import { WebhookVerificationError } from "./errors.js";
import { decodeSecrets, generateWebhookSecret } from "./secret.js";

describe("webhook secrets", () => {
  it("generates whsec_ + base64 of 32 random bytes", () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(decodeSecrets(secret)[0]).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(secret);
  });

  it("decodes with or without the whsec_ prefix, one or several", () => {
    expect(decodeSecrets("whsec_AQID")).toEqual([new Uint8Array([1, 2, 3])]);
    expect(decodeSecrets(["AQID", "whsec_BA=="])).toEqual([new Uint8Array([1, 2, 3]), new Uint8Array([4])]);
  });

  it("accepts a secret whose base64 padding was removed, as the standardwebhooks package does", () => {
    expect(decodeSecrets("whsec_AQI")).toEqual([new Uint8Array([1, 2])]);
    expect(decodeSecrets("whsec_BA")).toEqual(decodeSecrets("whsec_BA=="));
  });

  it.each([
    ["missing", undefined],
    ["a number", 42],
    ["empty", "whsec_"],
    ["not base64", "whsec_AQ*D"],
    ["of an impossible length", "whsec_AQIDB"],
    ["with a trailing newline", "whsec_AQID\n"],
    ["an empty list", []],
  ])("rejects a secret that is %s", (_, secret) => {
    expect(() => decodeSecrets(secret as string)).toThrow(
      expect.objectContaining({ constructor: WebhookVerificationError, reason: "invalid_secret" }),
    );
  });
});
