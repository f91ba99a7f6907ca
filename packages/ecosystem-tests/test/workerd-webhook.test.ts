// A webhook round trip into workerd: signed in Node with the SDK's signWebhook, verified inside a
// Worker by the edge handler from the packed `seedance-sdk`; a tampered delivery is rejected.
import { Miniflare } from "miniflare";
import { generateWebhookSecret, signWebhook } from "seedance-sdk";
import { expect, it } from "vitest";
import { bundle } from "../src/bundle.ts";
import { scratchProject } from "../src/scratch.ts";

const completed = {
  event: "task.completed",
  timestamp: "2024-01-15T10:35:00Z",
  data: {
    task_id: "task-1",
    status: "completed",
    model: "seedance-1.0",
    result: { video_url: "https://cdn.example/v.mp4" },
  },
};

it("verifies a signed webhook inside workerd, once per webhook-id, and rejects a tampered one", async () => {
  const project = await scratchProject("workerd-webhook");
  const script = await bundle(project, "worker.js", ["workerd", "worker"], "esm");
  const secret = generateWebhookSecret();
  const worker = new Miniflare({
    modules: true,
    script,
    compatibilityDate: "2026-01-01",
    bindings: { WEBHOOK_SECRET: secret },
  });
  const post = (body: string, headers: Record<string, string>) =>
    worker.dispatchFetch("http://worker.test/webhooks", { method: "POST", body, headers });
  try {
    const { body, headers } = await signWebhook(completed, secret);
    expect((await post(body, headers)).status).toBe(204);
    // A retry of the same message, signed afresh: acknowledged, not handled again.
    const retry = await signWebhook(completed, secret, { id: headers["webhook-id"] });
    expect((await post(retry.body, retry.headers)).status).toBe(204);

    const tampered = await post(body.replace("task-1", "task-2"), headers);
    expect(tampered.status).toBe(400);
    expect(await tampered.json()).toEqual({ error: "invalid_signature" });
    const wrongSecret = await signWebhook(completed, generateWebhookSecret());
    expect((await post(wrongSecret.body, wrongSecret.headers)).status).toBe(400);

    const report = (await (await worker.dispatchFetch("http://worker.test/handled")).json()) as Record<string, unknown>;
    expect(report).toEqual({
      runtime: "Cloudflare-Workers",
      handled: [
        {
          id: headers["webhook-id"],
          event: expect.objectContaining({
            data: expect.objectContaining({ taskId: "task-1", result: { videoUrl: "https://cdn.example/v.mp4" } }),
          }),
        },
      ],
    });
  } finally {
    await worker.dispose();
  }
});
