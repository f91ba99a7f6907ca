import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhook, WebhookVerificationError, type WebhookVerificationReason } from "./index.js";

const secret = fc
  .uint8Array({ minLength: 1, maxLength: 64 })
  .map((key) => `whsec_${Buffer.from(key).toString("base64")}`);
const delivery = fc.record({
  secret,
  id: fc.stringMatching(/^[!-~]{1,64}$/),
  seconds: fc.integer({ min: 0, max: 2 ** 33 }),
  payload: fc.record({
    event: fc.constantFrom("task.completed", "task.failed", "task.progress"),
    timestamp: fc.string(),
    data: fc.record({ task_id: fc.string({ unit: "binary" }), progress: fc.integer({ min: 0, max: 100 }) }),
  }),
});
const printable = fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code));

async function signed({
  secret,
  id,
  seconds,
  payload,
}: {
  secret: string;
  id: string;
  seconds: number;
  payload: object;
}) {
  const { body, headers } = await signWebhook(payload, secret, { id, timestamp: new Date(seconds * 1000) });
  const verify = (bytes: Uint8Array, changed: Partial<typeof headers> = {}) =>
    verifyWebhook(bytes, { ...headers, ...changed }, secret, { now: () => new Date(seconds * 1000) });
  return { bytes: new TextEncoder().encode(body), headers, verify };
}

/** `text` with the character at `index` (modulo its length) replaced by a different one. */
function replaceChar(text: string, index: number, replacement: string): string | undefined {
  const at = index % text.length;
  return text[at] === replacement ? undefined : text.slice(0, at) + replacement + text.slice(at + 1);
}

async function reason(attempt: Promise<unknown>): Promise<WebhookVerificationReason | "accepted"> {
  try {
    await attempt;
    return "accepted";
  } catch (error) {
    if (error instanceof WebhookVerificationError) return error.reason;
    throw error;
  }
}

describe("sign → verify (property)", () => {
  it("accepts every signed delivery, returning its payload camelCased", async () => {
    await fc.assert(
      fc.asyncProperty(delivery, async (input) => {
        const { bytes, verify } = await signed(input);
        const event = await verify(bytes);
        expect(event).toEqual({
          ...input.payload,
          data: { taskId: input.payload.data.task_id, progress: input.payload.data.progress },
        });
      }),
    );
  });

  it("rejects any single-byte change to the body", async () => {
    await fc.assert(
      fc.asyncProperty(delivery, fc.nat(), fc.integer({ min: 1, max: 255 }), async (input, index, flip) => {
        const { bytes, verify } = await signed(input);
        const at = index % bytes.length;
        bytes[at] = (bytes[at] ?? 0) ^ flip;
        expect(await reason(verify(bytes))).toBe("no_matching_signature");
      }),
    );
  });

  it("rejects any single-character change to the id, timestamp or signature", async () => {
    const header = fc.constantFrom("webhook-id", "webhook-timestamp", "webhook-signature");
    await fc.assert(
      fc.asyncProperty(delivery, header, fc.nat(), printable, async (input, name, index, replacement) => {
        const { bytes, headers, verify } = await signed(input);
        const changed = replaceChar(headers[name], index, replacement);
        fc.pre(changed !== undefined);
        expect(await reason(verify(bytes, { [name]: changed }))).toBeOneOf([
          "no_matching_signature",
          ...(name === "webhook-timestamp" ? ["malformed_timestamp", "timestamp_too_old", "timestamp_too_new"] : []),
          ...(name === "webhook-signature" ? ["malformed_signature"] : []),
        ]);
      }),
      { numRuns: 500 },
    );
  });
});
