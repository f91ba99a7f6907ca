// The webhook middleware on a real node:http server: the raw body from the stream or from a body
// parser's Buffer, and a clear refusal when only a parsed (re-serializable) body is left.
import { afterEach, describe, expect, it } from "vitest";
import { createWebhookMiddleware, signWebhook, type WebhookEvent } from "../../src/index.js";
import { type BodyParser, parsers, serve } from "./serve.ts";

const secret = `whsec_${btoa("CANARY-node-webhook-91c2")}`;
// Spacing a JSON parser would not keep, so a re-serialized body could never match the signature.
const body =
  '{ "event": "task.progress", "timestamp": "2024-01-15T10:32:00Z",\n  "data": { "task_id": "task-1", "status": "processing", "model": "seedance-1.0", "progress": 40 } }';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

async function receiver(parse?: BodyParser) {
  const events: WebhookEvent[] = [];
  const errors: unknown[] = [];
  const middleware = createWebhookMiddleware({
    secret,
    onEvent: (event) => void events.push(event),
    onError: (error) => void errors.push(error),
  });
  const server = await serve((request, response) => void middleware(request, response), parse);
  stops.push(server.stop);
  return { url: server.url, events, errors };
}

async function deliver(url: string, { tampered = false } = {}) {
  const { headers } = await signWebhook(body, secret);
  const response = await fetch(url, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: tampered ? `${body} ` : body,
  });
  return { status: response.status, text: await response.text() };
}

describe("createWebhookMiddleware", () => {
  it("verifies the raw body read from the request stream", async () => {
    const { url, events } = await receiver();
    expect(await deliver(url)).toEqual({ status: 204, text: "" });
    expect(events).toEqual([
      expect.objectContaining({ event: "task.progress", data: expect.objectContaining({ progress: 40 }) }),
    ]);
  });

  it("answers 400 with only a code to a tampered body, and 405 to a GET", async () => {
    const { url, events, errors } = await receiver();
    expect(await deliver(url, { tampered: true })).toEqual({ status: 400, text: '{"error":"invalid_signature"}' });
    expect(errors).toEqual([expect.objectContaining({ reason: "no_matching_signature" })]);
    expect((await fetch(url)).status).toBe(405);
    expect(events).toEqual([]);
  });

  it.each([
    ["express.raw()", parsers.raw],
    ["express.text()", parsers.text],
    ["a rawBody kept by express.json({ verify })", parsers.jsonKeepingRaw],
  ])("accepts the body left by %s", async (_, parse) => {
    const { url, events } = await receiver(parse);
    expect((await deliver(url)).status).toBe(204);
    expect(events).toHaveLength(1);
  });

  it("refuses, with the fix, a body express.json() parsed before it, rather than verify it re-serialized", async () => {
    const { url, events, errors } = await receiver(parsers.json);
    const { status, text } = await deliver(url);
    expect(status).toBe(500);
    expect(JSON.parse(text)).toEqual({
      error: "raw_body_unavailable",
      message: expect.stringContaining("before express.json()"),
    });
    expect(errors).toEqual([expect.objectContaining({ message: expect.stringContaining("express.raw") })]);
    expect(events).toEqual([]);
    expect(text).not.toContain(secret.slice(6));
  });

  it("answers 413 to a body over maxBodyBytes, streamed or declared, without reading it all", async () => {
    const middleware = createWebhookMiddleware({ secret, onEvent: () => {}, maxBodyBytes: 1024 });
    const server = await serve((request, response) => void middleware(request, response));
    stops.push(server.stop);
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 1000; i++) controller.enqueue(new Uint8Array(1000));
        controller.close();
      },
    });
    const streamed = await fetch(server.url, { method: "POST", body: chunks, duplex: "half" } as RequestInit);
    expect(await streamed.json()).toEqual({ error: "payload_too_large" });
    expect(streamed.status).toBe(413);
    expect((await fetch(server.url, { method: "POST", body: new Uint8Array(5_000_000) })).status).toBe(413);
  });

  it("still reads the stream under a parser that skipped the request (Express 4 leaves `{}`)", async () => {
    const middleware = createWebhookMiddleware({ secret, onEvent: () => {} });
    const server = await serve((request, response) => {
      (request as { body?: unknown }).body = {};
      void middleware(request, response);
    });
    stops.push(server.stop);
    expect((await deliver(server.url)).status).toBe(204);
  });
});
