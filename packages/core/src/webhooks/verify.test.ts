import type { IncomingHttpHeaders } from "node:http";
import { describe, expect, expectTypeOf, it } from "vitest";
import { SeedanceError } from "../errors.js";
import {
  createWebhookVerifier,
  generateWebhookSecret,
  signWebhook,
  type VerifyWebhookOptions,
  verifyWebhook,
  verifyWebhookRequest,
  type WebhookEvent,
  type WebhookHeaders,
  WebhookVerificationError,
  type WebhookVerificationReason,
} from "./index.js";

const secret = generateWebhookSecret();
const signedAt = new Date("2024-01-15T10:35:00Z");
const at = (offsetSeconds: number): VerifyWebhookOptions => ({
  now: () => new Date(signedAt.getTime() + offsetSeconds * 1000),
});
const completed = {
  event: "task.completed",
  timestamp: "2024-01-15T10:35:00Z",
  data: {
    task_id: "task-uuid-12345",
    status: "completed",
    model: "seedance-1.5-pro",
    progress: 100,
    result: { video_url: "https://cdn.seedance2api.com/videos/task-uuid-12345.mp4", duration: 15, resolution: "1080p" },
  },
};
const sign = (payload: string | object = completed, secrets: string | string[] = secret) =>
  signWebhook(payload, secrets, { id: "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", timestamp: signedAt });

async function rejection(promise: Promise<unknown>): Promise<WebhookVerificationReason> {
  const error = await promise.then(
    () => expect.fail("expected a WebhookVerificationError"),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(WebhookVerificationError);
  expect(error).toBeInstanceOf(SeedanceError);
  return (error as WebhookVerificationError).reason;
}

describe("verifyWebhook", () => {
  it("returns the camelCased, typed event of a genuine delivery", async () => {
    const { body, headers } = await sign();
    const event = await verifyWebhook(body, headers, secret, at(0));
    expect(event).toEqual({
      event: "task.completed",
      timestamp: "2024-01-15T10:35:00Z",
      data: {
        taskId: "task-uuid-12345",
        status: "completed",
        model: "seedance-1.5-pro",
        progress: 100,
        result: {
          videoUrl: "https://cdn.seedance2api.com/videos/task-uuid-12345.mp4",
          duration: 15,
          resolution: "1080p",
        },
      },
    });
    if (event.event === "task.completed")
      expectTypeOf(event.data.result).toEqualTypeOf<
        { videoUrl: string; duration?: number; resolution?: "720p" | "1080p" | "4k" } | undefined
      >();
    expectTypeOf<WebhookEvent["event"]>().toEqualTypeOf<"task.completed" | "task.failed" | "task.progress">();
  });

  it.each(["task.failed", "task.progress"])("accepts %s", async (type) => {
    const { body, headers } = await sign({ ...completed, event: type });
    expect((await verifyWebhook(body, headers, secret, at(0))).event).toBe(type);
  });

  it("takes the body as a string, bytes or an ArrayBuffer, and verifies non-UTF-8 bytes as they are", async () => {
    const { body, headers } = await sign();
    const bytes = new TextEncoder().encode(body);
    await expect(verifyWebhook(bytes, headers, secret, at(0))).resolves.toMatchObject({ event: "task.completed" });
    await expect(verifyWebhook(bytes.buffer, headers, secret, at(0))).resolves.toMatchObject({
      event: "task.completed",
    });
    const invalidUtf8 = new Uint8Array([...bytes.subarray(0, -1), 0xff, 0x7d]);
    expect(await rejection(verifyWebhook(invalidUtf8, headers, secret, at(0)))).toBe("no_matching_signature");
  });

  it("reads headers from Headers, a plain object in any case, and repeated Node-style values", async () => {
    const { body, headers } = await sign();
    await expect(verifyWebhook(body, new Headers(headers), secret, at(0))).resolves.toBeDefined();
    const shouting = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toUpperCase(), value]));
    await expect(verifyWebhook(body, shouting, secret, at(0))).resolves.toBeDefined();
    const repeated = { ...headers, "webhook-signature": [headers["webhook-signature"]] };
    await expect(verifyWebhook(body, repeated, secret, at(0))).resolves.toBeDefined();
    expectTypeOf<IncomingHttpHeaders>().toExtend<WebhookHeaders>();
  });

  it("verifies a fetch Request from its raw body", async () => {
    const { body, headers } = await sign();
    const request = new Request("https://example.com/webhooks", { method: "POST", body, headers });
    await expect(verifyWebhookRequest(request, secret, at(0))).resolves.toMatchObject({ event: "task.completed" });
  });

  it("reads a Request's body only up to maxBodyBytes (1 MiB by default): an endless one is body_too_large", async () => {
    const { headers } = await sign();
    const endless = () =>
      new ReadableStream<Uint8Array>({ pull: (controller) => controller.enqueue(new Uint8Array(64 * 1024)) });
    const request = (body: ReadableStream<Uint8Array>) =>
      new Request("https://example.com/webhooks", { method: "POST", body, headers, duplex: "half" } as RequestInit);
    expect(await rejection(verifyWebhookRequest(request(endless()), secret, at(0)))).toBe("body_too_large");
    const small = { ...at(0), maxBodyBytes: 1000 };
    expect(await rejection(verifyWebhookRequest(request(endless()), secret, small))).toBe("body_too_large");
  });

  it("accepts the old and the new secret during a rotation, and both signatures of a rotated message", async () => {
    const next = generateWebhookSecret();
    for (const signer of [secret, next, [secret, next]]) {
      const { body, headers } = await sign(completed, signer);
      await expect(verifyWebhook(body, headers, [secret, next], at(0))).resolves.toBeDefined();
      await expect(verifyWebhook(body, headers, next === signer ? next : secret, at(0))).resolves.toBeDefined();
    }
  });

  it("ignores signature versions other than v1", async () => {
    const { body, headers } = await sign();
    const signature = `v1a,c2lnbmVk v2,abc ${headers["webhook-signature"]}`;
    await expect(
      verifyWebhook(body, { ...headers, "webhook-signature": signature }, secret, at(0)),
    ).resolves.toBeDefined();
  });

  it("accepts a raw base64 secret without the whsec_ prefix", async () => {
    const { body, headers } = await sign();
    await expect(verifyWebhook(body, headers, secret.slice("whsec_".length), at(0))).resolves.toBeDefined();
  });

  it("accepts the tolerance's edges, both ways", async () => {
    const { body, headers } = await sign();
    await expect(verifyWebhook(body, headers, secret, at(300))).resolves.toBeDefined();
    await expect(verifyWebhook(body, headers, secret, at(-300))).resolves.toBeDefined();
    await expect(verifyWebhook(body, headers, secret, { ...at(3600), tolerance: 3600 })).resolves.toBeDefined();
  });

  it("rejects a negative or non-numeric tolerance", () => {
    expect(() => createWebhookVerifier(secret, { tolerance: -1 })).toThrow(RangeError);
    expect(() => createWebhookVerifier(secret, { tolerance: Number.NaN })).toThrow(RangeError);
  });
});

describe("verifyWebhook rejects, with the precise reason,", () => {
  type Case = [string, (signed: Awaited<ReturnType<typeof sign>>) => Promise<unknown>, WebhookVerificationReason];
  const cases: Case[] = [
    [
      "a tampered body",
      ({ body, headers }) => verifyWebhook(body.replace("100", "99"), headers, secret, at(0)),
      "no_matching_signature",
    ],
    [
      "a tampered id",
      ({ body, headers }) => verifyWebhook(body, { ...headers, "webhook-id": "msg_other" }, secret, at(0)),
      "no_matching_signature",
    ],
    [
      "a tampered timestamp",
      ({ body, headers }) =>
        verifyWebhook(
          body,
          { ...headers, "webhook-timestamp": String(Number(headers["webhook-timestamp"]) + 1) },
          secret,
          at(0),
        ),
      "no_matching_signature",
    ],
    [
      "a wrong secret",
      ({ body, headers }) => verifyWebhook(body, headers, generateWebhookSecret(), at(0)),
      "no_matching_signature",
    ],
    [
      "a replay outside the tolerance",
      ({ body, headers }) => verifyWebhook(body, headers, secret, at(301)),
      "timestamp_too_old",
    ],
    ["a future timestamp", ({ body, headers }) => verifyWebhook(body, headers, secret, at(-301)), "timestamp_too_new"],
    [
      "any delivery when the clock is invalid",
      ({ body, headers }) => verifyWebhook(body, headers, secret, { now: () => new Date(Number.NaN) }),
      "timestamp_too_old",
    ],
    [
      "a non-numeric timestamp",
      ({ body, headers }) => verifyWebhook(body, { ...headers, "webhook-timestamp": "1705315200.5" }, secret, at(0)),
      "malformed_timestamp",
    ],
    [
      "an oversized id",
      ({ body, headers }) => verifyWebhook(body, { ...headers, "webhook-id": "m".repeat(257) }, secret, at(0)),
      "header_too_large",
    ],
    [
      "an oversized signature header",
      ({ body, headers }) =>
        verifyWebhook(
          body,
          { ...headers, "webhook-signature": `${headers["webhook-signature"]} `.repeat(100) },
          secret,
          at(0),
        ),
      "header_too_large",
    ],
    [
      "malformed base64",
      ({ body, headers }) => verifyWebhook(body, { ...headers, "webhook-signature": "v1,not*base64!" }, secret, at(0)),
      "malformed_signature",
    ],
    [
      "a signature of the wrong length",
      ({ body, headers }) =>
        verifyWebhook(
          body,
          { ...headers, "webhook-signature": headers["webhook-signature"].slice(0, -4) },
          secret,
          at(0),
        ),
      "malformed_signature",
    ],
    [
      "an entry without a version",
      ({ body, headers }) => verifyWebhook(body, { ...headers, "webhook-signature": "c2lnbmF0dXJl" }, secret, at(0)),
      "malformed_signature",
    ],
    [
      "only unknown signature versions",
      ({ body, headers }) =>
        verifyWebhook(
          body,
          { ...headers, "webhook-signature": headers["webhook-signature"].replace("v1,", "v2,") },
          secret,
          at(0),
        ),
      "no_matching_signature",
    ],
    ...(["webhook-id", "webhook-timestamp", "webhook-signature"] as const).map(
      (name): Case => [
        `a missing ${name}`,
        ({ body, headers }) => verifyWebhook(body, { ...headers, [name]: undefined }, secret, at(0)),
        "missing_header",
      ],
    ),
    [
      "an empty header",
      ({ body, headers }) => verifyWebhook(body, { ...headers, "webhook-id": "" }, secret, at(0)),
      "missing_header",
    ],
    ["an invalid secret", ({ body, headers }) => verifyWebhook(body, headers, "whsec_%%%", at(0)), "invalid_secret"],
    ["an empty list of secrets", ({ body, headers }) => verifyWebhook(body, headers, [], at(0)), "invalid_secret"],
  ];

  it.each(cases)("%s", async (_, attempt, reason) => {
    expect(await rejection(attempt(await sign()))).toBe(reason);
  });

  it("a non-JSON body", async () => {
    const { body, headers } = await sign("not json");
    expect(await rejection(verifyWebhook(body, headers, secret, at(0)))).toBe("invalid_json");
  });

  it.each([{ ...completed, event: "task.cancelled" }, { data: {} }, [completed], "null"])(
    "an unknown event: %j",
    async (payload) => {
      const { body, headers } = await sign(payload);
      expect(await rejection(verifyWebhook(body, headers, secret, at(0)))).toBe("unknown_event");
    },
  );

  it("and says how to fix it", async () => {
    const { body, headers } = await sign();
    await expect(verifyWebhook(JSON.stringify(JSON.parse(body), null, 2), headers, secret, at(0))).rejects.toThrow(
      /raw body exactly as received/,
    );
    await expect(verifyWebhook(body, headers, secret, at(400))).rejects.toThrow(
      /signed 400 s ago.*Check the receiver's clock/,
    );
  });
});
