// The Redis webhook id store: atomic claims across instances, releases, and failing closed.
import { createWebhookHandler, signWebhook, type WebhookEvent, type WebhookIdStore } from "@seedance/edge";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRedisWebhookIdStore, RedisUnavailableError } from "../src/index.js";
import { eventually, useRedis } from "./fixtures.js";

const redis = useRedis();

/** Stores on their own connections sharing one prefix, as separate instances would. */
async function instances(count: number) {
  const prefix = redis.prefix();
  const stores: WebhookIdStore[] = [];
  for (let i = 0; i < count; i++) stores.push(createRedisWebhookIdStore(await redis.client(), { prefix }));
  return { prefix, stores };
}

describe("createRedisWebhookIdStore", () => {
  it("claims an id once across instances, for its TTL", async () => {
    const { prefix, stores } = await instances(2);
    const [a, b] = stores as [WebhookIdStore, WebhookIdStore];
    expect(await a.claim("msg_1", 60)).toBe(true);
    expect(await b.claim("msg_1", 60)).toBe(false);
    expect(await a.claim("msg_1", 60)).toBe(false);
    expect(await (await redis.client()).ttl(`${prefix}webhook:msg_1`)).toBeGreaterThan(55);
    expect(await b.claim("msg_2", 1)).toBe(true);
    await eventually(async () => a.claim("msg_2", 60), "the 1 s claim expired");
  });

  it("releases its own claim so the retry is handled, and never another instance's", async () => {
    const { stores } = await instances(2);
    const [a, b] = stores as [WebhookIdStore, WebhookIdStore];
    expect(await a.claim("msg_1", 60)).toBe(true);
    await b.release("msg_1");
    expect(await b.claim("msg_1", 60)).toBe(false);
    await a.release("msg_1");
    expect(await b.claim("msg_1", 60)).toBe(true);
  });

  it("lets exactly one of many racing claims of an id win (property)", async () => {
    const { stores } = await instances(4);
    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(stores.length - 1), { minLength: 2, maxLength: 40 }), async (claimers) => {
        const id = `msg_${++round}`;
        const wins = await Promise.all(claimers.map((index) => stores[index]?.claim(id, 60)));
        expect(wins.filter(Boolean)).toHaveLength(1);
      }),
      { numRuns: 100 },
    );
  });

  it("throws a clear error when Redis is unreachable, so the handler answers 503, and recovers", async () => {
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const handled: string[] = [];
    const client = await redis.client();
    const store = createRedisWebhookIdStore(client, { prefix: redis.prefix(), commandTimeoutMs: 300 });
    const handle = createWebhookHandler({ secret, store, onEvent: (_: WebhookEvent, { id }) => void handled.push(id) });
    const payload = {
      event: "task.completed",
      timestamp: "2026-01-01T00:00:00Z",
      data: { task_id: "t1", status: "completed" },
    };
    const deliver = async (id: string) => {
      const { body, headers } = await signWebhook(payload, secret, { id });
      return (await handle(new Request("http://app/webhooks", { method: "POST", body, headers }))).status;
    };
    expect(await deliver("msg_before")).toBe(204);

    await redis.server.stop();
    await expect(store.claim("msg_down", 60)).rejects.toBeInstanceOf(RedisUnavailableError);
    expect(await deliver("msg_down")).toBe(503);
    expect(await deliver("msg_down")).toBe(503);

    await redis.server.start();
    await eventually(() => client.status === "ready", "the client reconnected");
    expect(await deliver("msg_down")).toBe(204);
    expect(await deliver("msg_down")).toBe(204);
    expect(handled).toEqual(["msg_before", "msg_down"]);
  });
});
