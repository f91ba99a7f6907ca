// Runs an operation of the spec through the SDK's transport. The generated operation
// (generated/validators.gen.ts) contributes the method, the URL template and the spec's checks; this
// module contributes validation errors, idempotency keys, the envelope unwrapping and the camelCase result.
import { APIPromise, type WithResponse } from "./api-promise.js";
import { type CamelCase, toCamelCase } from "./case.js";
import type { OperationSpec } from "./generated/validators.gen.js";
import type { CallObserver, CallStart, Instrumentation } from "./instrumentation.js";
import { checkResponse } from "./response-check.js";
import type { TaskEstimates } from "./task-estimates.js";
import { newIdempotencyKey } from "./transport/idempotency.js";
import type { RateLimit } from "./transport/rate-limit.js";
import { type RawResult, type RequestOptions, send, type TransportConfig } from "./transport/send.js";
import type { TransportResponse } from "./transport/transport.js";
import { dotSegmentIssue, toValidationError } from "./validation.js";

export interface ClientContext {
  transport: TransportConfig;
  estimates: TaskEstimates;
  /** Validate request bodies against the spec before sending. */
  validate: boolean;
  instrumentation: Instrumentation | undefined;
}

/** What a caller supplies to an operation: its JSON body and its path parameters. */
export interface OperationInput {
  body?: unknown;
  path?: Record<string, string>;
}

/** The call's result for `withResponse()`; its `Response` is built only if read (fetch's classes are costly to load and make). */
class CallResult<T> implements WithResponse<T> {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly requestId: string | undefined;
  readonly rateLimit: RateLimit | undefined;
  readonly #raw: TransportResponse;
  #response: Response | undefined;

  constructor(
    readonly data: T,
    { response, requestId, rateLimit }: RawResult,
  ) {
    this.status = response.status;
    this.headers = response.headers;
    this.requestId = requestId;
    this.rateLimit = rateLimit;
    this.#raw = response;
  }

  get response(): Response {
    this.#response ??= new Response(this.#raw.body, { status: this.status, headers: this.headers });
    return this.#response;
  }
}

/** The envelope's `data`, camelCased. */
export type Unwrapped<TEnvelope> = TEnvelope extends { data: infer Data } ? CamelCase<Data> : never;

/**
 * Calls `operation` and resolves with its envelope's camelCased `data`, typed by the generated
 * response type `TEnvelope` (which the response is also checked against).
 */
export function callOperation<TEnvelope>(
  context: ClientContext,
  operation: OperationSpec,
  input: OperationInput,
  options: RequestOptions = {},
  parent?: CallObserver,
): APIPromise<Unwrapped<TEnvelope>> {
  const run = async (observer?: CallObserver): Promise<WithResponse<Unwrapped<TEnvelope>>> => {
    const issue =
      dotSegmentIssue(input.path) ??
      (context.validate ? (operation.checkPath?.(input.path ?? {}) ?? operation.checkBody?.(input.body)) : undefined);
    if (issue) throw toValidationError(issue);
    const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeURIComponent(String(input.path?.[name] ?? "")),
    );
    const { method } = operation;
    // One key per logical call, reused by every retry of it: the server answers a repeat with the first result.
    const idempotencyKey =
      method === "POST" && options.idempotencyKey !== false
        ? (options.idempotencyKey ?? newIdempotencyKey())
        : undefined;
    const result = await send(context.transport, { method, path, body: input.body, idempotencyKey }, options, observer);
    checkResponse(operation, result, context.transport.redact);
    const data = toCamelCase((result.body as { data: unknown }).data) as Unwrapped<TEnvelope>;
    return new CallResult(data, result);
  };
  const start = { operation: operation.operationId, body: input.body, taskId: input.path?.task_id };
  return new APIPromise(observed(context, start, parent, run));
}

/** Runs `run` as one call the client's instrumentation (if any) observes, as part of `parent`. */
export function observed<T>(
  context: ClientContext,
  start: CallStart,
  parent: CallObserver | undefined,
  run: (observer?: CallObserver) => Promise<T>,
): Promise<T> {
  const observer = context.instrumentation?.start(start, parent);
  if (!observer) return run();
  return run(observer).then(
    (result) => {
      observer.end({ result });
      return result;
    },
    (error: unknown) => {
      observer.end({ error });
      throw error;
    },
  );
}
