// The calls that provoke each documented status of an operation, through Prism's validating proxy.
import { randomUUID } from "node:crypto";
import { TRIGGERS } from "@seedance/sandbox";
import type { ContractSpec, Operation } from "./operations.ts";

export interface Target {
  /** Prism validating everything. */
  url: string;
  /** Prism validating everything but request bodies (for 400s the server must answer itself). */
  lenientUrl: string;
  apiKey: string;
  /** The server is a Seedance sandbox: free-tier keys and prompt triggers work. */
  sandbox: boolean;
  spec: ContractSpec;
  /** Bounds each call. */
  timeoutMs: number;
}

/** A response to check, or why this status cannot be provoked on this server. */
export type Provoked = Promise<Response> | { skip: string };
type Provoke = (operation: Operation, target: Target) => Provoked;

const UNKNOWN_TASK = "task-contract-check-unknown";
const ONLY_ON_SANDBOX = "needs --sandbox (a Seedance sandbox's free-tier keys and prompt triggers)";

interface CallOptions {
  key?: string;
  taskId?: string;
  body?: unknown;
  /** Through the Prism that leaves request bodies unchecked. */
  lenient?: boolean;
}

function call(target: Target, operation: Operation, options: CallOptions = {}) {
  const path = operation.path.replace("{task_id}", encodeURIComponent(options.taskId ?? UNKNOWN_TASK));
  const headers: Record<string, string> = { Authorization: `Bearer ${options.key ?? target.apiKey}` };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const base = options.lenient ? target.lenientUrl : target.url;
  return fetch(`${base}${path}`, {
    method: operation.method,
    headers,
    body,
    signal: AbortSignal.timeout(target.timeoutMs),
  });
}

const withPrompt = (operation: Operation, prompt: (example: string) => string) =>
  operation.example && { ...operation.example, prompt: prompt(String(operation.example.prompt)) };

const find = (target: Target, id: string) => target.spec.operations.find((operation) => operation.id === id);

/** What the task calls need of an answer's envelope. */
type TaskData = { data?: { task_id?: string; status?: string } };

async function createTask(target: Target): Promise<string> {
  const generate = find(target, "generateVideo");
  if (!generate) throw new Error("the spec has no generateVideo operation to create a task with");
  const response = await call(target, generate, { body: generate.example });
  const { data } = (await response.json().catch(() => ({}))) as TaskData;
  if (!data?.task_id)
    throw new Error(`could not create a video task: generateVideo answered ${response.status} without data.task_id`);
  return data.task_id;
}

async function finishedTask(target: Target): Promise<string> {
  const taskId = await createTask(target);
  const status = find(target, "getTaskStatus");
  if (!status) throw new Error("the spec has no getTaskStatus operation to follow a task with");
  // A real service's quota is small: poll it gently.
  const gap = target.sandbox ? 500 : 10_000;
  for (const deadline = Date.now() + 600_000; Date.now() < deadline; ) {
    const response = await call(target, status, { taskId });
    if (!response.ok) throw new Error(`could not follow task ${taskId}: getTaskStatus answered ${response.status}`);
    const { data } = (await response.json()) as TaskData;
    if (data?.status === "completed" || data?.status === "failed") return taskId;
    await new Promise((resolve) => setTimeout(resolve, gap));
  }
  throw new Error(`task ${taskId} did not finish within 10 minutes`);
}

/** Repeats a call with a fresh free-tier key until its quota runs out. */
async function exhaust(send: (key: string) => Promise<Response>): Promise<Response> {
  const key = `sk-test-free-contract-${randomUUID()}`;
  for (let attempt = 0; ; attempt++) {
    const response = await send(key);
    if (response.status === 429 || attempt >= 50) return response;
    await response.body?.cancel();
  }
}

const PROVOKE: Record<string, Provoke> = {
  success: (operation, target) => {
    if (operation.example) return call(target, operation, { body: operation.example });
    const task = operation.id === "getTaskResult" ? finishedTask(target) : createTask(target);
    return task.then((taskId) => call(target, operation, { taskId }));
  },
  "400": (operation, target) => {
    const body = withPrompt(operation, () => "x".repeat(target.spec.promptLimit + 1));
    return body ? call(target, operation, { body, lenient: true }) : { skip: "no request body to make invalid" };
  },
  "401": (operation, target) => call(target, operation, { key: "not-a-valid-key", body: operation.example }),
  "403": () => ({ skip: "no call can provoke it without a key that lacks access" }),
  "404": (operation, target) =>
    operation.example ? { skip: "no task id in this operation" } : call(target, operation),
  "409": (operation, target) =>
    operation.id === "getTaskResult"
      ? createTask(target).then((taskId) => call(target, operation, { taskId }))
      : { skip: "no conflict to provoke" },
  "429": (operation, target) =>
    target.sandbox
      ? exhaust((key) => call(target, operation, { key, body: operation.example }))
      : { skip: ONLY_ON_SANDBOX },
  "500": (operation, target) => {
    const body = withPrompt(operation, (prompt) => `${prompt} ${TRIGGERS.error}`);
    if (!body) return { skip: "no prompt to carry a trigger" };
    return target.sandbox ? call(target, operation, { body }) : { skip: ONLY_ON_SANDBOX };
  },
  "503": (operation, target) => {
    // The trigger answers 503 once per key and prompt: a fresh prompt each run.
    const body = withPrompt(operation, (prompt) => `${prompt} ${TRIGGERS.busy} ${randomUUID()}`);
    if (!body) return { skip: "no prompt to carry a trigger" };
    return target.sandbox ? call(target, operation, { body }) : { skip: ONLY_ON_SANDBOX };
  },
};

export function provoke(operation: Operation, status: string, target: Target): Provoked {
  const how = status.startsWith("2") ? PROVOKE.success : PROVOKE[status];
  return how ? how(operation, target) : { skip: `no call provokes a ${status}` };
}
