// A secret must never leak: not in a message, a property, a stack, or any serialization.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createWebhookVerifier, signWebhook, verifyWebhook } from "./index.js";

const canaryText = "CANARY-do-not-leak-7f3a9c";
const canaryBase64 = btoa(canaryText);
const canary = `whsec_${canaryBase64}`;

function expectNoCanary(value: unknown): void {
  const renderings = [inspect(value, { depth: 10, showHidden: true }), JSON.stringify(value), String(value)];
  if (value instanceof Error) renderings.push(value.message, value.stack ?? "", JSON.stringify(Object.entries(value)));
  for (const rendering of renderings) {
    for (const secret of [canary, canaryBase64, canaryText]) expect(rendering).not.toContain(secret);
  }
}

async function caught(attempt: Promise<unknown>): Promise<unknown> {
  return attempt.then(
    () => expect.fail("expected a rejection"),
    (error: unknown) => error,
  );
}

describe("secret canary", () => {
  it("never appears in a verification error, whatever the reason", async () => {
    const { body, headers } = await signWebhook({ event: "task.completed" }, canary);
    const attempts = [
      () => verifyWebhook(`${body} `, headers, canary),
      () => verifyWebhook(body, headers, [canary, `whsec_${btoa("other")}`], { now: () => new Date(0) }),
      () => verifyWebhook(body, { ...headers, "webhook-signature": "v1,@@" }, canary),
      () => verifyWebhook(body, { ...headers, "webhook-id": undefined }, canary),
      () => verifyWebhook(body, { ...headers, "webhook-id": "x".repeat(999) }, canary),
      async () => verifyWebhook("{}", (await signWebhook("{}", canary)).headers, canary),
      async () => verifyWebhook("not json", (await signWebhook("not json", canary)).headers, canary),
    ];
    for (const attempt of attempts) expectNoCanary(await caught(attempt()));
  });

  it("never appears when the secret itself is rejected", async () => {
    for (const bad of [`${canary}!`, ` ${canary}`, `whsec_${canaryText}`, [canary, `${canary}\n`]]) {
      expectNoCanary(await caught(verifyWebhook("{}", {}, bad)));
      expectNoCanary(await caught(signWebhook("{}", bad)));
    }
  });

  it("never appears in a verifier", () => {
    expectNoCanary(createWebhookVerifier(canary));
  });
});
