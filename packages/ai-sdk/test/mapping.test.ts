// What the API cannot do becomes a warning and is not sent (against Prism), and a task state newer
// than the spec reads as pending (against a scripted server answering with one).
import { sendJson, startScriptedServer, violationsOf } from "@seedance/testkit";
import { experimental_getVideoStatus, experimental_startVideo } from "ai";
import { expect, inject, it } from "vitest";
import { createSeedance } from "../src/index.js";

it("warns about video options the API has no field for, and sends none of them", async () => {
  const sent: unknown[] = [];
  const seen: Response[] = [];
  const provider = createSeedance({
    apiKey: "sk-test-mapping",
    baseURL: inject("prismUrl"),
    fetch: (async (input: string | URL | Request, init?: RequestInit) => {
      sent.push(JSON.parse(String(init?.body)));
      const response = await fetch(input, init);
      seen.push(response);
      return response;
    }) as typeof fetch,
  });
  const started = await experimental_startVideo({
    model: provider.video("seedance-2.0"),
    prompt: "A red fox",
    duration: 5,
    resolution: "640x480",
    aspectRatio: "16:9",
    seed: 1,
    generateAudio: true,
  });
  expect(started.warnings.map((warning) => (warning.type === "unsupported" ? warning.feature : warning.type))).toEqual([
    "resolution",
    "aspectRatio",
    "seed",
    "generateAudio",
  ]);
  expect(sent).toEqual([{ prompt: "A red fox", model: "seedance-2.0", duration: 5 }]);
  expect(started.operation).toBeTypeOf("string");
  expect(seen.flatMap(violationsOf)).toEqual([]);
});

it("reads a task state newer than the spec as pending", async () => {
  const server = await startScriptedServer((_request, response) =>
    sendJson(response, 200, {
      status: "success",
      data: {
        task_id: "task_future",
        status: "paused_for_review",
        progress: 40,
        created_at: "2026-12-01T00:00:00Z",
        updated_at: "2026-12-01T00:00:05Z",
      },
    }),
  );
  try {
    const provider = createSeedance({ apiKey: "sk-test-mapping", baseURL: server.url });
    const status = await experimental_getVideoStatus(provider.video("seedance-2.0"), { operation: "task_future" });
    expect(status.status).toBe("pending");
    expect(status.providerMetadata?.seedance).toMatchObject({ status: "paused_for_review", progress: 40 });
    expect(server.requests.map((request) => request.path)).toEqual(["/v1/tasks/task_future"]);
  } finally {
    await server.stop();
  }
});
