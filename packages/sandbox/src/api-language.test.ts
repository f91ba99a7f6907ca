// The URL the sandbox prints answers only as the API does (issue 24): the spec's statuses in the
// API's envelope, Prism's verdicts kept in `sl-violations` and the log; and the simulator's own
// deviations that Schemathesis found (idempotency keys, a body of one NUL byte).
import { request } from "node:http";
import { text } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Exchange, Violation } from "./front.ts";
import { MAX_BODY_BYTES } from "./http.ts";
import { type Sandbox, startSandbox } from "./sandbox.ts";
import { apiClient } from "./test/support.ts";

const image = { prompt: "A lighthouse in fog", model: "seedream-3.0" };
const video = { prompt: "A lighthouse in fog", model: "seedance-1.0", duration: 5 };
/** Fails a call that gets no answer (a hang) within this, instead of the test's own time limit. */
const ANSWER_WITHIN_MS = 5000;
let sandbox: Sandbox;
let call: ReturnType<typeof apiClient>;
const logged: { exchange: Exchange; violations: Violation[] }[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ onViolations: (exchange, violations) => logged.push({ exchange, violations }) });
  call = apiClient(sandbox.url, sandbox.apiKey);
});
afterAll(() => sandbox?.stop());

/** A raw POST to the sandbox URL, bounded in time. */
const post = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
  fetch(`${sandbox.url}${path}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${sandbox.apiKey}`, "Content-Type": "application/json", ...headers },
    body,
    signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
  });

/** A GET with a body, which fetch cannot send. */
const getWithBody = (path: string) =>
  new Promise<{ status: number; contentType: string | undefined; body: any }>((resolve, reject) => {
    const outgoing = request(`${sandbox.url}${path}`, {
      method: "GET",
      headers: { "X-API-Key": sandbox.apiKey, "Content-Type": "application/json", "Content-Length": 2 },
      signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
    });
    outgoing.on("response", (answer) => {
      const status = answer.statusCode ?? 0;
      const contentType = answer.headers["content-type"];
      text(answer).then((body) => resolve({ status, contentType, body: JSON.parse(body) }), reject);
    });
    outgoing.on("error", reject);
    outgoing.end("{}");
  });

const isEnvelope = (body: any) =>
  body?.status === "error" && typeof body.error?.code === "string" && typeof body.error?.message === "string";

describe("the sandbox URL is the API", () => {
  it("answers a 301-character prompt with the API's 400 INVALID_PROMPT, not Prism's 422 problem+json", async () => {
    const answer = await post("/v1/seedream/generate", JSON.stringify({ ...image, prompt: "x".repeat(301) }));
    expect(answer.status).toBe(400);
    expect(answer.headers.get("content-type")).toBe("application/json");
    expect(await answer.json()).toMatchObject({
      status: "error",
      error: { code: "INVALID_PROMPT", details: { field: "prompt", constraint: "max_length", limit: 300 } },
    });
  });

  it("logs Prism's verdict on an invalid request, and keeps sl-violations for faults of the answer", async () => {
    const answer = await call("/v1/seedream/generate", { body: { ...image, num_images: 9 } });
    expect(answer.status).toBe(400);
    expect(answer.headers.get("sl-violations")).toBeNull();
    expect(logged).toContainEqual({
      exchange: { method: "POST", path: "/v1/seedream/generate", status: 400 },
      violations: [
        expect.objectContaining({
          location: ["request", "body", "num_images"],
          message: expect.stringMatching(/<= 4/),
        }),
      ],
    });
  });

  it("answers in the API's envelope where Prism would answer itself: no key, an unknown path, another method, a GET with a body", async () => {
    const noKey = await fetch(`${sandbox.url}/v1/tasks/task-1`);
    const unknown = await fetch(`${sandbox.url}/v2/tasks`, { headers: { "X-API-Key": sandbox.apiKey } });
    const method = await fetch(`${sandbox.url}/v1/tasks/task-1`, {
      method: "DELETE",
      headers: { "X-API-Key": sandbox.apiKey },
    });
    const answers = [noKey, unknown, method];
    expect(answers.map(({ status }) => status)).toEqual([401, 404, 405]);
    expect(method.headers.get("allow")).toBe("GET");
    for (const answer of answers) {
      expect(answer.headers.get("content-type")).toBe("application/json");
      expect(isEnvelope(await answer.json())).toBe(true);
    }
    const withBody = await getWithBody("/v1/tasks/task-1");
    expect([withBody.status, withBody.contentType, isEnvelope(withBody.body)]).toEqual([404, "application/json", true]);
  });

  it("answers a body of one NUL byte at once, with the API's 400", async () => {
    const answer = await post("/v1/seedream/generate", new Uint8Array([0]));
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({
      error: { code: "INVALID_REQUEST", details: { field: "body", constraint: "json" } },
    });
    expect(logged.at(-1)?.violations[0]?.message).toContain("not valid JSON");
  });

  it("answers a body past the simulator's limit with the API's 400", async () => {
    const answer = await post(
      "/v1/seedance/generate",
      JSON.stringify({ ...video, prompt: "x".repeat(MAX_BODY_BYTES) }),
    );
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ error: { details: { field: "body", constraint: "max_bytes" } } });
  });
});

describe("idempotency keys", () => {
  it("are not shared across the two generation endpoints: a video's key sent to the image endpoint makes images", async () => {
    const headers = { "Idempotency-Key": "shared-across-endpoints" };
    const first = await call("/v1/seedance/generate", { body: video, headers });
    expect(first.status).toBe(202);
    const images = await call("/v1/seedream/generate", { body: image, headers });
    expect(images.status).toBe(200);
    expect(images.body.data.images).toHaveLength(1);
    const again = await call("/v1/seedance/generate", { body: video, headers });
    expect(again.body).toEqual(first.body);
  });

  it("are refused with another body (400), and the first answer is kept for the first body", async () => {
    const headers = { "Idempotency-Key": "one-request-only" };
    const first = await call("/v1/seedance/generate", { body: video, headers });
    const other = await call("/v1/seedance/generate", { body: { ...video, duration: 10 }, headers });
    expect(other.status).toBe(400);
    expect(other.body.error).toMatchObject({
      code: "INVALID_REQUEST",
      details: { field: "Idempotency-Key", value: "one-request-only", constraint: "idempotency_key_reused" },
    });
    // The same body with its fields in another order is the same request.
    const reordered = Object.fromEntries(Object.entries(video).reverse());
    expect((await call("/v1/seedance/generate", { body: reordered, headers })).body).toEqual(first.body);
  });

  it("are rejected when empty or over the spec's 255 characters (400), and accepted at 255", async () => {
    const send = (key: string) => post("/v1/seedream/generate", JSON.stringify(image), { "Idempotency-Key": key });
    const empty = await send("");
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({
      error: { code: "INVALID_REQUEST", details: { field: "Idempotency-Key", constraint: "min_length", limit: 1 } },
    });
    const long = await send("k".repeat(256));
    expect(long.status).toBe(400);
    expect(await long.json()).toMatchObject({
      error: { details: { field: "Idempotency-Key", constraint: "max_length", limit: 255 } },
    });
    expect((await send("k".repeat(255))).status).toBe(200);
  });
});
