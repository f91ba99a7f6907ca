// Runs a generated operation through the SDK's transport. The generated functions (generated/sdk.gen.ts)
// contribute the URL, the method and the spec's request validator; this module contributes
// validation errors, idempotency keys, the envelope unwrapping and the camelCase result.
import type { GenericSchema } from "valibot";
import { APIPromise, type WithResponse } from "./api-promise.js";
import { type CamelCase, toCamelCase } from "./case.js";
import type { Client } from "./generated/client/index.js";
import { checkResponse } from "./response-check.js";
import type { TaskEstimates } from "./task-estimates.js";
import { newIdempotencyKey } from "./transport/idempotency.js";
import { type RawResult, type RequestOptions, send, type TransportConfig } from "./transport/send.js";
import { validateRequest } from "./validation.js";

export interface ClientContext {
  transport: TransportConfig;
  estimates: TaskEstimates;
  /** Validate request bodies against the spec before sending. */
  validate: boolean;
}

/** What a generated operation hands to `client.get/post` (see generated/sdk.gen.ts). */
interface GeneratedRequest {
  url: string;
  path?: Record<string, unknown>;
  body?: unknown;
  requestValidator?: (data: unknown) => Promise<unknown>;
}

// biome-ignore lint/suspicious/noExplicitAny: any generated operation; its own parameter type is read back below.
type Operation = (options: any) => unknown;

/** The call's result for `withResponse()`; its `Response` is built only if read (fetch's classes are costly to load and make). */
function withResponse<T>(data: T, { response, requestId, rateLimit }: RawResult): WithResponse<T> {
  let built: Response | undefined;
  return {
    data,
    status: response.status,
    headers: response.headers,
    get response() {
      built ??= new Response(response.body, { status: response.status, headers: response.headers });
      return built;
    },
    requestId,
    rateLimit,
  };
}

/** The envelope's `data`, camelCased. */
export type Unwrapped<TEnvelope> = TEnvelope extends { data: infer Data } ? CamelCase<Data> : never;

/**
 * Calls `operation` and resolves with its envelope's camelCased `data`, typed by the generated
 * response schema (which the response is also checked against).
 */
export function callOperation<TEnvelope, TOperation extends Operation>(
  context: ClientContext,
  operation: TOperation,
  input: Omit<Parameters<TOperation>[0], "client">,
  responseSchema: GenericSchema<unknown, TEnvelope>,
  options: RequestOptions = {},
): APIPromise<Unwrapped<TEnvelope>> {
  const run =
    (method: "GET" | "POST") =>
    async (request: GeneratedRequest): Promise<WithResponse<Unwrapped<TEnvelope>>> => {
      if (context.validate && request.requestValidator) {
        await validateRequest(request.requestValidator, { body: request.body, path: request.path });
      }
      const path = request.url.replace(/\{(\w+)\}/g, (_, name: string) =>
        encodeURIComponent(String(request.path?.[name] ?? "")),
      );
      // One key per logical call, reused by every retry of it: the server answers a repeat with the first result.
      const idempotencyKey =
        method === "POST" && options.idempotencyKey !== false
          ? (options.idempotencyKey ?? newIdempotencyKey())
          : undefined;
      const result = await send(context.transport, { method, path, body: request.body, idempotencyKey }, options);
      checkResponse(responseSchema, result);
      const envelope = result.body as { data: unknown };
      const data = toCamelCase(envelope.data) as Unwrapped<TEnvelope>;
      return withResponse(data, result);
    };
  // The generated operations need only get/post of their client interface.
  const client = { get: run("GET"), post: run("POST") } as unknown as Client;
  return new APIPromise(operation({ ...input, client }) as Promise<WithResponse<Unwrapped<TEnvelope>>>);
}
