// The webhook handler on fetch Requests: what it answers to good, bad, repeated and failing deliveries.
import { describe, expect, it, vi } from "vitest";
import {
  createMemoryWebhookIdStore,
  createWebhookHandler,
  generateWebhookSecret,
  type SignWebhookOptions,
  signWebhook,
  type WebhookEvent,
  type WebhookHandlerOptions,
  type WebhookIdStore,
  type WebhookSecrets,
} from "../../src/index.js";

const canaryBase64 = btoa("CANARY-edge-webhook-4d1e");
const secret = `whsec_${canaryBase64}`;
const completed = {
  event: "task.completed",
  timestamp: "2024-01-15T10:35:00Z",
  data: {
    task_id: "task-1",
    status: "completed",
    model: "seedance-1.5-pro",
    progress: 100,
    result: { video_url: "https://cdn.example/v.mp4" },
  },
};

async function delivery(
  payload: string | object = completed,
  secrets: WebhookSecrets = secret,
  options?: SignWebhookOptions,
) {
  const { body, headers } = await signWebhook(payload, secrets, options);
  return { body, headers: { ...headers, "content-type": "application/json" } };
}

const post = ({ body, headers }: { body: BodyInit; headers: Record<string, string> }) =>
  new Request("https://app.example/webhooks", { method: "POST", body, headers });

function receiver(options: Partial<WebhookHandlerOptions> = {}) {
  const events: WebhookEvent[] = [];
  const errors: unknown[] = [];
  const handle = createWebhookHandler({
    secret,
    onEvent: (event) => void events.push(event),
    onError: (error) => void errors.push(error),
    ...options,
  });
  return { handle, events, errors };
}

async function answer(response: Response) {
  const text = await response.text();
  expect(text).not.toContain(canaryBase64);
  return { status: response.status, body: text === "" ? undefined : JSON.parse(text) };
}

describe("createWebhookHandler", () => {
  it("hands a verified event to onEvent, typed and camelCased, then answers 204", async () => {
    const onEvent = vi.fn();
    const { handle } = receiver({ onEvent });
    const signed = await delivery();
    expect(await answer(await handle(post(signed)))).toEqual({ status: 204, body: undefined });
    expect(onEvent).toHaveBeenCalledOnce();
    expect(onEvent).toHaveBeenCalledWith(
      expect.objectContaining({ event: "task.completed", data: expect.objectContaining({ taskId: "task-1" }) }),
      { id: signed.headers["webhook-id"] },
    );
  });

  it.each([
    ["a tampered body", async () => ({ ...(await delivery()), body: JSON.stringify({ ...completed, event: "x" }) })],
    ["a tampered id", async () => patch(await delivery(), "webhook-id", "msg_other")],
    [
      "a tampered timestamp",
      async () => patch(await delivery(), "webhook-timestamp", `${Math.floor(Date.now() / 1000) - 1}`),
    ],
    ["the wrong secret", () => delivery(completed, generateWebhookSecret())],
    [
      "a replay outside the tolerance",
      () => delivery(completed, secret, { timestamp: new Date(Date.now() - 600_000) }),
    ],
    ["a timestamp in the future", () => delivery(completed, secret, { timestamp: new Date(Date.now() + 600_000) })],
    ["no signature", async () => patch(await delivery(), "webhook-signature", "")],
    ["malformed base64", async () => patch(await delivery(), "webhook-signature", "v1,@@@")],
  ])("answers 400 with only a code for %s", async (_, make) => {
    const { handle, events, errors } = receiver();
    expect(await answer(await handle(post(await make())))).toEqual({
      status: 400,
      body: { error: "invalid_signature" },
    });
    expect(events).toEqual([]);
    // The reason is for the app's logs, not for whoever sent the request.
    expect(errors).toEqual([expect.objectContaining({ name: "WebhookVerificationError", reason: expect.any(String) })]);
  });

  it("accepts both secrets while rotating, and each signature alone", async () => {
    const next = generateWebhookSecret();
    const { handle, events } = receiver({ secret: [secret, next] });
    for (const secrets of [secret, next, [secret, next]]) {
      expect((await handle(post(await delivery(completed, secrets)))).status).toBe(204);
    }
    expect(events).toHaveLength(3);
  });

  it("handles a retried delivery (same webhook-id) once, and answers 204 to the repeat", async () => {
    const { handle, events } = receiver();
    const id = "msg_retried";
    for (let attempt = 0; attempt < 3; attempt++) {
      // Each attempt is signed afresh, as the sender does, with the message's one id.
      expect((await handle(post(await delivery(completed, secret, { id })))).status).toBe(204);
    }
    expect(events).toHaveLength(1);
  });

  it("handles concurrent deliveries of one message once", async () => {
    let release = () => {};
    const slow = new Promise<void>((resolve) => {
      release = resolve;
    });
    const onEvent = vi.fn(() => slow);
    const { handle } = receiver({ onEvent });
    const signed = await delivery();
    const answers = [handle(post(signed)), handle(post(signed))];
    // The duplicate is answered while the other delivery's onEvent is still running.
    expect((await Promise.race(answers)).status).toBe(204);
    expect(onEvent).toHaveBeenCalledOnce();
    release();
    expect((await Promise.all(answers)).map((answer) => answer.status)).toEqual([204, 204]);
    expect(onEvent).toHaveBeenCalledOnce();
  });

  it("answers 500 when onEvent throws, so the sender retries, and handles the retry", async () => {
    const onEvent = vi.fn().mockRejectedValueOnce(new Error("database down")).mockResolvedValueOnce(undefined);
    const { handle, errors } = receiver({ onEvent });
    const signed = await delivery();
    expect(await answer(await handle(post(signed)))).toEqual({ status: 500, body: { error: "handler_failed" } });
    expect(errors).toEqual([new Error("database down")]);
    expect((await handle(post(signed))).status).toBe(204);
    expect(onEvent).toHaveBeenCalledTimes(2);
  });

  it("answers 503 without handling the event when the id store cannot be reached, then handles the retry", async () => {
    const memory = createMemoryWebhookIdStore();
    let reachable = false;
    const store: WebhookIdStore = {
      claim: (id, ttl) => (reachable ? memory.claim(id, ttl) : Promise.reject(new Error("store unreachable"))),
      release: (id) => memory.release(id),
    };
    const onEvent = vi.fn();
    const { handle, errors } = receiver({ onEvent, store });
    const signed = await delivery();
    expect(await answer(await handle(post(signed)))).toEqual({ status: 503, body: { error: "store_unavailable" } });
    expect(onEvent).not.toHaveBeenCalled();
    expect(errors).toEqual([new Error("store unreachable")]);
    reachable = true;
    expect((await handle(post(signed))).status).toBe(204);
    expect((await handle(post(signed))).status).toBe(204);
    expect(onEvent).toHaveBeenCalledOnce();
  });

  it("still answers 500 when onEvent throws and the release fails too, reporting both", async () => {
    const store: WebhookIdStore = { claim: () => true, release: () => Promise.reject(new Error("release failed")) };
    const { handle, errors } = receiver({ onEvent: () => Promise.reject(new Error("database down")), store });
    expect((await handle(post(await delivery()))).status).toBe(500);
    expect(errors).toEqual([new Error("database down"), new Error("release failed")]);
  });

  it("acknowledges a signed event of a type it does not know and gives it to onUnknownEvent", async () => {
    const onUnknownEvent = vi.fn();
    const { handle, events } = receiver({ onUnknownEvent });
    const payload = { event: "task.archived", data: { task_id: "task-1" } };
    const signed = await delivery(payload);
    expect((await handle(post(signed))).status).toBe(204);
    expect(onUnknownEvent).toHaveBeenCalledWith(payload, { id: signed.headers["webhook-id"] });
    expect(events).toEqual([]);
    // Without the hook it is acknowledged too: rejecting it would only make the sender give up on it.
    expect((await receiver().handle(post(await delivery(payload)))).status).toBe(204);
  });

  it("answers 400 invalid_payload to a signed body that is not JSON", async () => {
    const { handle } = receiver();
    expect(await answer(await handle(post(await delivery("not json"))))).toEqual({
      status: 400,
      body: { error: "invalid_payload" },
    });
  });

  it("answers 413 to a body over maxBodyBytes, declared or streamed", async () => {
    const { handle, events } = receiver({ maxBodyBytes: 64 });
    const big = await delivery({ ...completed, padding: "x".repeat(100) });
    expect(await answer(await handle(post(big)))).toEqual({ status: 413, body: { error: "payload_too_large" } });
    const bytes = new TextEncoder().encode(big.body);
    const streamed = new ReadableStream({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 16) controller.enqueue(bytes.slice(i, i + 16));
        controller.close();
      },
    });
    const request = new Request("https://app.example/", {
      method: "POST",
      body: streamed,
      headers: big.headers,
      duplex: "half",
    } as RequestInit);
    expect(request.headers.get("content-length")).toBeNull();
    expect((await handle(request)).status).toBe(413);
    expect(events).toEqual([]);
  });

  it("answers 405 to anything but POST", async () => {
    const response = await receiver().handle(new Request("https://app.example/webhooks"));
    expect(await answer(response)).toEqual({ status: 405, body: { error: "method_not_allowed" } });
    expect(response.headers.get("allow")).toBe("POST");
  });

  it("refuses a bad secret when it is created, without echoing it", () => {
    let thrown: unknown;
    try {
      createWebhookHandler({ secret: `${secret}!`, onEvent: () => {} });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ reason: "invalid_secret" });
    expect(`${(thrown as Error).message} ${(thrown as Error).stack}`).not.toContain(canaryBase64);
  });

  it("never puts the secret in a response or an error it reports", async () => {
    const { handle, errors } = receiver({ onEvent: () => Promise.reject(new Error("boom")) });
    const attempts = [
      await delivery(),
      { ...(await delivery()), body: "{}" },
      await delivery(completed, secret, { timestamp: new Date(0) }),
      await delivery("not json"),
    ];
    for (const attempt of attempts) await answer(await handle(post(attempt)));
    expect(errors).toHaveLength(attempts.length);
    for (const error of errors) {
      expect(`${(error as Error).message} ${(error as Error).stack} ${JSON.stringify(error)}`).not.toContain(
        canaryBase64,
      );
    }
  });
});

function patch(signed: Awaited<ReturnType<typeof delivery>>, name: string, value: string) {
  return { ...signed, headers: { ...signed.headers, [name]: value } };
}
