import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "./sandbox.ts";
import { apiClient, eventually } from "./test/support.ts";

interface Delivery {
  headers: IncomingHttpHeaders;
  payload: any;
  answered: number;
}

let sandbox: Sandbox;
let receiver: Server;
let receiverUrl: string;
const deliveries: Delivery[] = [];
/** The answers the receiver gives to the first deliveries to each path, in order; then 200. */
const plans = new Map<string, number[]>();
/** An "answer" that keeps the delivery waiting forever. */
const NO_ANSWER = 0;

beforeAll(async () => {
  sandbox = await startSandbox({ taskSeconds: 0.5, webhookRetryDelaysMs: [100, 100], webhookTimeoutMs: 200 });
  const verifier = new Webhook(sandbox.webhookSecret);
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const payload = verifier.verify(Buffer.concat(chunks).toString(), request.headers as Record<string, string>);
      const answered = plans.get(request.url ?? "")?.shift() ?? 200;
      deliveries.push({ headers: request.headers, payload, answered });
      if (answered !== NO_ANSWER) response.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await sandbox?.stop();
  receiver?.closeAllConnections();
  await new Promise((resolve) => receiver?.close(resolve));
});

/** Creates a task whose webhook receiver first answers `answers`. */
function createTask(prompt: string, answers: number[] = []) {
  const path = `/hooks/${randomUUID()}`;
  plans.set(path, answers);
  const body = { prompt, model: "seedance-2.0", duration: 5, webhook_url: `${receiverUrl}${path}` };
  return apiClient(sandbox.url, sandbox.apiKey)("/v1/seedance/generate", { body });
}

const deliveriesOf = (taskId: string) => deliveries.filter(({ payload }) => payload.data.task_id === taskId);

it("signs task.progress and task.completed events, retrying a failed delivery with the same webhook-id", async () => {
  const taskId: string = (await createTask("A fox in the snow", [500])).body.data.task_id;
  const acknowledged = (event: string) =>
    deliveriesOf(taskId).filter(({ payload, answered }) => payload.event === event && answered === 200);

  const progress = await eventually(async () => {
    const events = acknowledged("task.progress");
    return events.length === 9 ? events.map(({ payload }) => payload.data) : undefined;
  });
  expect(progress.map(({ progress }) => progress).sort((a, b) => a - b)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
  expect(progress.every(({ status, model }) => status === "processing" && model === "seedance-2.0")).toBe(true);

  const completed = await eventually(async () => acknowledged("task.completed")[0]);
  expect(completed.payload).toMatchObject({
    event: "task.completed",
    data: { task_id: taskId, status: "completed", model: "seedance-2.0", progress: 100, result: { duration: 5 } },
  });
  expect(new Date(completed.payload.timestamp).getTime()).not.toBeNaN();

  const [refused, ...others] = deliveriesOf(taskId);
  expect(refused?.answered).toBe(500);
  const retries = others.filter(({ headers }) => headers["webhook-id"] === refused?.headers["webhook-id"]);
  expect(retries.map(({ answered, payload }) => [answered, payload])).toEqual([[200, refused?.payload]]);
});

it("retries a delivery the receiver does not answer in time", async () => {
  const taskId: string = (await createTask("A slow owl", [NO_ANSWER])).body.data.task_id;
  const [first, retry] = await eventually(async () => {
    const events = deliveriesOf(taskId);
    const sameId = events.filter(({ headers }) => headers["webhook-id"] === events[0]?.headers["webhook-id"]);
    return sameId.length === 2 ? sameId : undefined;
  });
  expect([first?.answered, retry?.answered]).toEqual([NO_ANSWER, 200]);
});

it("sends task.failed with the error message", async () => {
  const taskId: string = (await createTask("A fox [fail]")).body.data.task_id;
  const failed = await eventually(async () =>
    deliveriesOf(taskId).find(({ payload }) => payload.event === "task.failed"),
  );
  expect(failed.payload.data).toMatchObject({ status: "failed", error_message: expect.stringContaining("[fail]") });
});

it("does not retry a delivery the receiver rejects with a 4xx other than 429", async () => {
  const taskId: string = (await createTask("A hare", [400])).body.data.task_id;
  await eventually(async () => deliveriesOf(taskId).find(({ payload }) => payload.event === "task.completed"));
  await new Promise((resolve) => setTimeout(resolve, 300));
  const [rejected] = deliveriesOf(taskId);
  expect(rejected?.answered).toBe(400);
  const sameId = deliveriesOf(taskId).filter(
    ({ headers }) => headers["webhook-id"] === rejected?.headers["webhook-id"],
  );
  expect(sameId).toHaveLength(1);
});
