// A task id made only of dots is a path segment, not an id: encodeURIComponent leaves dots alone, so
// `/v1/tasks/..` would be `/v1/`. It is refused before sending, whether or not validation is on.
import { type ScriptedServer, sendJson, startScriptedServer } from "@seedance/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ValidationError } from "../../src/index.js";
import { BUILDS } from "./builds.js";

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer((_, response) =>
    sendJson(response, 404, { status: "error", error: { code: "NOT_FOUND", message: "no" } }),
  );
});
afterAll(() => server.stop());
beforeEach(() => {
  server.requests.length = 0;
});

describe.each(BUILDS)("the $name", ({ Client }) => {
  it.each([true, false])(
    "with validate: %s, refuses a task id of dots (., .., ...) as a dot_segment, sending nothing",
    async (validate) => {
      const client = new Client({ apiKey: "sk-test", baseUrl: server.url, validate, maxRetries: 0 });
      for (const taskId of [".", "..", "..."]) {
        for (const call of [() => client.task.getStatus(taskId), () => client.task.getResult(taskId)]) {
          const error = await call().catch((caught: unknown) => caught);
          expect(error).toBeInstanceOf(ValidationError);
          expect((error as ValidationError).details).toEqual({
            field: "task_id",
            value: taskId,
            constraint: "dot_segment",
          });
          expect((error as Error).message).toMatch(/Invalid task_id: expected an id, not dots.*was not sent\.$/s);
        }
      }
      expect(server.requests).toEqual([]);
    },
  );

  it("still sends an id that merely contains dots when validation is off (the server decides)", async () => {
    const client = new Client({ apiKey: "sk-test", baseUrl: server.url, validate: false, maxRetries: 0 });
    await client.task.getStatus("v1.2").catch(() => {});
    expect(server.requests.at(-1)?.path).toBe("/v1/tasks/v1.2");
  });
});
