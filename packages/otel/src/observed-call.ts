// One logical call as a span (with a child span per HTTP attempt) and as metrics. Every attribute
// is chosen here: the API key, webhook secrets and (unless opted in) prompts never reach one, and a
// download's URL, which may be signed, is reduced to its host.
import {
  type Attributes,
  context,
  type Link,
  type Span,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  trace,
} from "@opentelemetry/api";
import type { AttemptEnd, AttemptStart, CallObserver, CallOutcome, CallStart, TaskStatus } from "@seedance/core";
import type { Instruments } from "./instruments.js";
import names from "./names.json" with { type: "json" };
import type { TaskLinks } from "./task-links.js";

const A = names.attributes;

export interface Shared {
  tracer: Tracer;
  instruments: Instruments;
  links: TaskLinks;
  recordPrompts: boolean;
}

const spanName = (operation: string) =>
  names.spans[operation as keyof typeof names.spans] ?? `${names.instrumentationScope}.${operation}`;

/** `error.type`: the error's class name (`RateLimitError`, `APITimeoutError`, …), never its message. */
const errorType = (error: unknown) => (error instanceof Error ? error.name : "Error");

const hostOf = (url: string): Attributes => {
  try {
    const parsed = new URL(url);
    const port = parsed.port ? Number(parsed.port) : parsed.protocol === "http:" ? 80 : 443;
    return { [A.serverAddress]: parsed.hostname, [A.serverPort]: port };
  } catch {
    return {};
  }
};

/** What a call's result tells: an operation's `data`, a wait's finished task, a download's result. */
function learnt(result: unknown) {
  const value = ((result as { data?: unknown } | undefined)?.data ?? result ?? {}) as {
    taskId?: unknown;
    status?: unknown;
    result?: { videoUrl?: unknown } | null;
    bytes?: unknown;
  };
  const text = (field: unknown) => (typeof field === "string" ? field : undefined);
  return {
    taskId: text(value.taskId),
    state: text(value.status),
    videoUrl: text(value.result?.videoUrl),
    bytes: typeof value.bytes === "number" ? value.bytes : undefined,
  };
}

export class ObservedCall implements CallObserver {
  readonly span: Span;
  readonly #shared: Shared;
  readonly #operation: string;
  readonly #started = performance.now();
  #taskId: string | undefined;
  #lastStatus: number | undefined;

  constructor(shared: Shared, call: CallStart, parent: CallObserver | undefined) {
    this.#shared = shared;
    this.#operation = call.operation;
    const taskId = call.taskId ?? (call.url === undefined ? undefined : shared.links.taskOfUrl(call.url));
    this.#taskId = taskId;
    const attributes: Attributes = { [A.operation]: call.operation };
    const genAi = names.genAiOperations[call.operation as keyof typeof names.genAiOperations];
    if (genAi) {
      attributes[A.genAiOperation] = genAi;
      attributes[A.genAiProvider] = names.genAiProvider;
    }
    const { model, prompt } = (call.body ?? {}) as { model?: unknown; prompt?: unknown };
    if (typeof model === "string") attributes[A.genAiModel] = model;
    if (typeof prompt === "string" && shared.recordPrompts) attributes[A.prompt] = prompt;
    if (taskId !== undefined) attributes[A.taskId] = taskId;
    if (call.url !== undefined) Object.assign(attributes, hostOf(call.url));
    const submit = taskId === undefined ? undefined : shared.links.submitOf(taskId);
    const links: Link[] = submit ? [{ context: submit, attributes: { [A.taskId]: taskId as string } }] : [];
    const parentContext =
      parent instanceof ObservedCall ? trace.setSpan(context.active(), parent.span) : context.active();
    const kind = call.operation === "download" ? SpanKind.CLIENT : SpanKind.INTERNAL;
    this.span = shared.tracer.startSpan(spanName(call.operation), { kind, attributes, links }, parentContext);
  }

  attempt({ method, url, resendCount }: AttemptStart): (end: AttemptEnd) => void {
    const attributes: Attributes = { [A.httpMethod]: method, [A.url]: url, ...hostOf(url) };
    if (resendCount > 0) attributes[A.resendCount] = resendCount;
    const span = this.#shared.tracer.startSpan(
      method,
      { kind: SpanKind.CLIENT, attributes },
      trace.setSpan(context.active(), this.span),
    );
    const started = performance.now();
    return (end) => {
      const { instruments } = this.#shared;
      const status = end.response?.status ?? end.status;
      const { rateLimit } = end;
      const error = end instanceof Error ? end : undefined;
      const metric: Attributes = { [A.httpMethod]: method, [A.serverAddress]: attributes[A.serverAddress] };
      if (status !== undefined && status > 0) {
        this.#lastStatus = status;
        span.setAttribute(A.httpStatus, status);
        metric[A.httpStatus] = status;
      }
      const failure = status !== undefined && status >= 400 ? String(status) : error ? errorType(error) : undefined;
      if (failure) {
        span.setAttribute(A.errorType, failure);
        span.setStatus({ code: SpanStatusCode.ERROR });
        metric[A.errorType] = failure;
      }
      if (rateLimit) {
        span.setAttribute(A.rateLimitRemaining, rateLimit.remaining);
        instruments.quotaRemaining.record(rateLimit.remaining, { [A.serverAddress]: attributes[A.serverAddress] });
      }
      if (status === 429) instruments.rateLimited.add(1, { [A.operation]: this.#operation });
      instruments.requestDuration.record((performance.now() - started) / 1000, metric);
      span.end();
    };
  }

  hold(ms: number): void {
    this.span.addEvent(names.events.hold, { [A.durationMs]: ms });
    this.#shared.instruments.holds.add(1, { [A.operation]: this.#operation });
    this.#shared.instruments.holdDuration.record(ms / 1000, { [A.operation]: this.#operation });
  }

  retry(ms: number, error: Error): void {
    this.span.addEvent(names.events.retry, { [A.durationMs]: ms, [A.errorType]: errorType(error) });
  }

  poll(status: TaskStatus): void {
    const attributes: Attributes = { [A.taskState]: status.status };
    if (status.progress !== undefined) attributes[A.taskProgress] = status.progress;
    this.span.addEvent(names.events.poll, attributes);
  }

  end({ error, result }: CallOutcome): void {
    const { links, instruments } = this.#shared;
    const { taskId, state, videoUrl, bytes } = learnt(result);
    if (taskId !== undefined && this.#taskId === undefined) {
      this.#taskId = taskId;
      this.span.setAttribute(A.taskId, taskId);
    }
    if (this.#operation === "generateVideo" && taskId !== undefined) links.submitted(taskId, this.span.spanContext());
    if (videoUrl !== undefined && this.#taskId !== undefined) links.resultUrl(videoUrl, this.#taskId);
    if (state !== undefined) this.span.setAttribute(A.taskState, state);
    if (bytes !== undefined) this.span.setAttribute(A.bytes, bytes);
    const metric: Attributes = { [A.operation]: this.#operation };
    if (this.#lastStatus !== undefined) metric[A.httpStatus] = this.#lastStatus;
    if (state !== undefined) metric[A.taskState] = state;
    if (error !== undefined) {
      metric[A.errorType] = errorType(error);
      this.span.setAttribute(A.errorType, errorType(error));
      // The class name only: a message may quote a rejected field's value (a prompt, say).
      this.span.setStatus({ code: SpanStatusCode.ERROR, message: errorType(error) });
    }
    instruments.calls.add(1, metric);
    instruments.callDuration.record((performance.now() - this.#started) / 1000, metric);
    this.span.end();
  }
}
