// The scenarios that provoke the spec's promises: input coverage, auth schemes, unknown tasks,
// idempotent replay, a task's lifecycle followed at its own pace, and (with --sandbox) the
// sandbox's 429, 500 and 503. Each judges its exchanges (conform.ts) and reports one finding per
// root cause; a scenario whose first step failed stops there instead of reporting follow-ons.
import { randomUUID } from "node:crypto";
import { TRIGGERS } from "@seedance/sandbox";
import { bodyCases, pathNegatives } from "./cases.ts";
import { type Answer, judge, sent } from "./conform.ts";
import { type CallOptions, type Context, call, report, token } from "./context.ts";
import type { Request } from "./http.ts";
import type { JsonSchema, SpecOperation } from "./spec.ts";

// Answers are untrusted JSON, read field by field with checks of their own at each use.
// biome-ignore lint/suspicious/noExplicitAny: see above
type Json = Record<string, any>;

const dataOf = (answer: Answer | undefined): Json | undefined => (answer?.json as Json | undefined)?.data;

/** Runs `tasks` with at most `limit` at a time. */
async function pool(limit: number, tasks: (() => Promise<void>)[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) await tasks[next++]?.();
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}

/** The order of `items` shuffled by the run's seed. */
function shuffled<T>(context: Context, items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(context.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

const unknownTaskId = (context: Context) => `task-contract-unknown-${token(context)}`;

/** The first request: the server answers at all? (`false`: nothing listens there.) */
export async function probe(context: Context): Promise<{ reachable: boolean; reason?: string }> {
  const operation = context.spec.operations.find((candidate) => candidate.pathParameter);
  if (!operation) return { reachable: true };
  const exchange = await call(context, "not_found", operation, { id: unknownTaskId(context) });
  if (
    exchange?.outcome.kind === "dropped" &&
    /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH/.test(exchange.outcome.error)
  )
    return { reachable: false, reason: sent(context, exchange) };
  judge(context, operation, exchange, { check: "not_found", statuses: [404], what: "an unknown task id" });
  return { reachable: true };
}

/** Whether an image answer reflects what was asked: count, model, resolution. */
function reflectImage(context: Context, operation: SpecOperation, body: Json, answer: Answer, request: Request) {
  const data = dataOf(answer);
  if (!data) return;
  const expectedCount = body.num_images ?? operation.body?.properties?.num_images?.default ?? 1;
  const problems: [string, unknown, unknown][] = [
    ["the number of images", expectedCount, Array.isArray(data.images) ? data.images.length : undefined],
    ["model", body.model, data.model],
  ];
  if (body.resolution !== undefined && data.resolution !== undefined)
    problems.push(["resolution", body.resolution, data.resolution]);
  for (const [what, wanted, got] of problems) {
    if (wanted === undefined || wanted === got) continue;
    report(context, {
      check: "response_reflects_request",
      operation: operation.id,
      request,
      rule: `${what} in the answer is not the one requested`,
      expected: `${what} ${JSON.stringify(wanted)}`,
      got: `${what} ${JSON.stringify(got)}`,
    });
    return;
  }
}

/** Positive and negative cases of every field of every operation that takes a body, and bad task ids. */
export async function coverage(context: Context): Promise<void> {
  const tasks: (() => Promise<void>)[] = [];
  const resolve = (schema: JsonSchema) =>
    schema.$ref ? context.spec.schema(schema.$ref.split("/").pop() ?? "") : schema;
  for (const operation of context.spec.operations) {
    const { positive, negative } = bodyCases(operation, resolve);
    for (const item of positive)
      tasks.push(async () => {
        const exchange = await call(context, "positive_data_acceptance", operation, { body: item.body });
        const what = `a valid ${item.field} (${item.label})`;
        const answer = judge(context, operation, exchange, {
          check: "positive_data_acceptance",
          statuses: "2xx",
          what,
        });
        if (answer && exchange && operation.body?.properties?.num_images)
          reflectImage(context, operation, item.body, answer, exchange.request);
      });
    for (const item of negative)
      tasks.push(async () => {
        const exchange = await call(context, "negative_data_rejection", operation, { body: item.body });
        const what = `an invalid ${item.field} (${item.label})`;
        judge(context, operation, exchange, { check: "negative_data_rejection", statuses: [400], what });
      });
    for (const item of pathNegatives(operation))
      tasks.push(async () => {
        const exchange = await call(context, "negative_data_rejection", operation, { id: item.id });
        const what = `an invalid task id (${item.label})`;
        judge(context, operation, exchange, { check: "negative_data_rejection", statuses: [400], what });
      });
    if (operation.pathParameter)
      tasks.push(async () => {
        const exchange = await call(context, "not_found", operation, { id: unknownTaskId(context) });
        judge(context, operation, exchange, { check: "not_found", statuses: [404], what: "an unknown task id" });
      });
  }
  await pool(4, shuffled(context, tasks));
}

/** Each documented scheme with the valid key (accepted), and a bad key or none on every operation (401). */
export async function auth(context: Context): Promise<void> {
  const tasks: (() => Promise<void>)[] = [];
  for (const operation of context.spec.operations) {
    const id = unknownTaskId(context);
    const body = operation.example;
    const keys: [CallOptions["auth"], string][] = [["none", "a request without a key"]];
    for (const scheme of context.spec.authSchemes) {
      keys.push([{ scheme: scheme.name, key: "not-a-valid-key" }, `a bad key in ${scheme.header}`]);
      if (body)
        tasks.push(async () => {
          const exchange = await call(context, "auth_schemes", operation, { auth: { scheme: scheme.name }, body });
          const what = `a valid key in ${scheme.header}`;
          judge(context, operation, exchange, { check: "auth_schemes", statuses: "2xx", what });
        });
    }
    for (const [key, what] of keys)
      tasks.push(async () => {
        const exchange = await call(context, "auth_schemes", operation, { auth: key, body, id });
        judge(context, operation, exchange, { check: "auth_schemes", statuses: [401], what });
      });
  }
  await pool(4, tasks);
}

/** What identifies the work an answer stands for: a task id, or the images' ids. */
const workOf = (answer: Answer | undefined): string | undefined => {
  const data = dataOf(answer);
  if (typeof data?.task_id === "string" && !Array.isArray(data.images)) return data.task_id;
  if (Array.isArray(data?.images)) return JSON.stringify(data.images.map((image: Json) => image?.id ?? image?.url));
  return undefined;
};

/** The same Idempotency-Key and body twice (one piece of work, billed once), then with another body (400). */
export async function idempotency(context: Context): Promise<void> {
  const operations = context.spec.operations.filter((operation) => operation.idempotent && operation.example);
  await Promise.all(
    operations.map(async (operation) => {
      const key = `contract-${token(context, 24)}`;
      const body = operation.example as Json;
      const headers = { "Idempotency-Key": key };
      const expectation = {
        check: "idempotent_replay" as const,
        statuses: "2xx" as const,
        what: "a request with an Idempotency-Key",
      };
      const first = judge(
        context,
        operation,
        await call(context, "idempotent_replay", operation, { body, headers }),
        expectation,
      );
      if (!first) return;
      const again = await call(context, "idempotent_replay", operation, { body, headers });
      const replay = judge(context, operation, again, {
        ...expectation,
        what: "a retry with the same Idempotency-Key and body",
      });
      if (!replay || !again) return;
      if (workOf(replay) !== workOf(first) || replay.status !== first.status) {
        report(context, {
          check: "idempotent_replay",
          operation: operation.id,
          request: again.request,
          rule: "a retry with the same Idempotency-Key and body made new work (billed twice)",
          expected: `the first answer again: ${first.status}, ${workOf(first)}`,
          got: `${replay.status}, ${workOf(replay)}`,
        });
        return;
      }
      const other = { ...body, prompt: `${String(body.prompt)} (another body)` };
      const refused = await call(context, "idempotent_replay", operation, { body: other, headers });
      const what = "the same Idempotency-Key with another body";
      const answer = judge(context, operation, refused, { check: "idempotent_replay", statuses: [400], what });
      const details = (answer?.json as Json | undefined)?.error?.details;
      if (answer && refused && details && details.field !== "Idempotency-Key")
        report(context, {
          check: "idempotent_replay",
          operation: operation.id,
          request: refused.request,
          rule: "the refusal of a reused Idempotency-Key names another field",
          expected: "error.details.field Idempotency-Key",
          got: sent(context, refused),
        });
    }),
  );
}

const STATE_ORDER: Record<string, number> = { queued: 0, processing: 1, completed: 2, failed: 2 };
const TERMINAL = new Set(["completed", "failed"]);
const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

/**
 * Creates a video task and follows it at its own pace (a tenth of its estimated time between polls,
 * 0.1–5 s): no result before completion, progress and state forward only, a 409 for its result while
 * it runs, a terminal state that stays, a reachable result that reflects the request.
 */
export async function lifecycle(context: Context): Promise<void> {
  const create = context.spec.operations.find((operation) => operation.example && operation.responses.has("202"));
  const status = context.spec.operations.find(
    (operation) => operation.pathParameter && operation.responses.has("200") && !operation.responses.has("409"),
  );
  const result = context.spec.operations.find((operation) => operation.responses.has("409"));
  if (!create || !status || !result) return;
  const durations = create.body?.properties?.duration;
  const resolutions = context.spec.schema("VideoResolution").enum ?? [];
  // Not the example's values, so that an answer that ignores them shows it.
  const body: Json = {
    ...create.example,
    duration: durations?.minimum ?? create.example?.duration,
    resolution: resolutions[0],
  };
  const accepted = judge(context, create, await call(context, "async_lifecycle", create, { body }), {
    check: "async_lifecycle",
    statuses: "2xx",
    what: "a video generation",
  });
  const taskId = dataOf(accepted)?.task_id;
  if (typeof taskId !== "string") return;
  const estimate = Number(dataOf(accepted)?.estimated_wait_time_seconds ?? 10);
  const gapMs = Math.min(5_000, Math.max(100, (estimate * 1000) / 10));
  const waitMs = Math.max(30_000, estimate * 3000);
  const giveUp = Date.now() + waitMs;
  const problem = (request: Request, rule: string, expected: string, got: string) =>
    report(context, { check: "async_lifecycle", operation: status.id, request, rule, expected, got });

  let last: { state: string; progress: number } | undefined;
  let conflictChecked = false;
  let terminal: Json | undefined;
  while (Date.now() < giveUp && !context.transport.deadline.aborted) {
    const exchange = await call(context, "async_lifecycle", status, { id: taskId });
    const answer = judge(context, status, exchange, {
      check: "async_lifecycle",
      statuses: [200],
      what: "the status of a task it created",
    });
    const data = dataOf(answer);
    if (!data || !exchange) return;
    const state = String(data.status);
    const progress = Number(data.progress);
    const got = `status ${state}, progress ${progress}${data.result ? ", with a result" : ""}`;
    if (last && TERMINAL.has(last.state) && state !== last.state)
      return problem(exchange.request, "a terminal task changed state", `still ${last.state}`, got);
    if (last && (STATE_ORDER[state] ?? 1) < (STATE_ORDER[last.state] ?? 1))
      return problem(exchange.request, "the task's state went backwards", `${last.state} or later`, got);
    if (last && progress < last.progress)
      return problem(exchange.request, "the task's progress went backwards", `progress ≥ ${last.progress}`, got);
    if (!TERMINAL.has(state) && data.result !== undefined)
      return problem(
        exchange.request,
        "a result was served before the task completed",
        "no result while queued or processing",
        got,
      );
    last = { state, progress };
    if (!TERMINAL.has(state) && !conflictChecked) {
      conflictChecked = true;
      const early = await call(context, "task_not_completed", result, { id: taskId });
      // The task may have finished in between: then a 200 is right too.
      const answer = judge(context, result, early, {
        check: "task_not_completed",
        statuses: [409, 200],
        what: "the result of an unfinished task",
      });
      if (answer?.status === 200 && !TERMINAL.has(String(dataOf(answer)?.status)) && early)
        problem(
          early.request,
          "a result was served before the task completed",
          "409 TASK_NOT_COMPLETED",
          sent(context, early),
        );
    }
    if (terminal) break;
    if (TERMINAL.has(state)) terminal = data;
    else await sleep(gapMs, context.transport.deadline);
  }
  if (!terminal) {
    if (!context.transport.deadline.aborted)
      report(context, {
        check: "async_lifecycle",
        operation: status.id,
        request: { method: status.method, path: status.path.replace(/\{.*\}/, taskId), headers: {} },
        rule: "the task did not finish",
        expected: `a terminal state within ${waitMs / 1000} s (three times its estimate, at least 30 s)`,
        got: `last seen: ${JSON.stringify(last)}`,
      });
    return;
  }
  const final = await call(context, "async_lifecycle", result, { id: taskId });
  const answer = judge(context, result, final, {
    check: "async_lifecycle",
    statuses: [200],
    what: "the result of a finished task",
  });
  const data = dataOf(answer);
  if (!data || !final) return;
  if (data.status !== terminal.status)
    return problem(
      final.request,
      "the result disagrees with the task's terminal state",
      String(terminal.status),
      String(data.status),
    );
  if (data.status !== "completed") return;
  for (const [field, wanted] of [
    ["duration", body.duration],
    ["resolution", body.resolution],
  ] as const) {
    const got = data.result?.[field];
    if (got !== undefined && got !== wanted)
      return report(context, {
        check: "response_reflects_request",
        operation: result.id,
        request: final.request,
        rule: `the video's ${field} is not the one requested`,
        expected: `${field} ${JSON.stringify(wanted)}`,
        got: `${field} ${JSON.stringify(got)}`,
      });
  }
}

/** With --sandbox: a free-tier key until its 429, and the 500 and 503 prompt triggers. */
export async function sandboxTriggers(context: Context): Promise<void> {
  const read = context.spec.operations.find((operation) => operation.pathParameter);
  const generators = context.spec.operations.filter((operation) => operation.example);
  const tasks: Promise<void>[] = [];
  if (read)
    tasks.push(
      (async () => {
        const key = `sk-test-free-contract-${randomUUID()}`;
        const scheme = context.spec.authSchemes[0]?.name ?? "";
        for (let attempt = 0; attempt < 50; attempt++) {
          const exchange = await call(context, "rate_limit_semantics", read, {
            auth: { scheme, key },
            id: unknownTaskId(context),
          });
          const answer = judge(context, read, exchange, {
            check: "rate_limit_semantics",
            statuses: [404, 429],
            what: "a free-tier key's requests",
          });
          if (!answer || answer.status === 429) return;
        }
      })(),
    );
  for (const operation of generators) {
    const prompt = String(operation.example?.prompt);
    const cases: [number, string][] = [
      [500, `${prompt} ${TRIGGERS.error}`],
      // The trigger answers 503 once per key and prompt: a fresh prompt each run.
      [503, `${prompt} ${TRIGGERS.busy} ${randomUUID()}`],
    ];
    for (const [expected, text] of cases)
      tasks.push(
        (async () => {
          const exchange = await call(context, "status_code_conformance", operation, {
            body: { ...operation.example, prompt: text },
          });
          judge(context, operation, exchange, {
            check: "status_code_conformance",
            statuses: [expected],
            what: `the sandbox's ${expected} trigger`,
          });
        })(),
      );
  }
  await Promise.all(tasks);
}
