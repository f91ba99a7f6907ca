// One API call from a model: the per-call headers `ai` passes, core's request, the AI SDK's error on
// failure, and what every model result reports (timestamp, response headers, request id).
import type { APIPromise, RequestOptions, SeedanceClient, WithResponse } from "@seedance/core";
import type { ProviderConfig } from "./config.js";
import { asAISDKCall } from "./errors.js";

export interface CallInput {
  /** The API path, for the error's URL. */
  path: string;
  body?: unknown;
  headers: Record<string, string | undefined> | undefined;
  abortSignal: AbortSignal | undefined;
}

export interface CallResult<T> extends WithResponse<T> {
  timestamp: Date;
  responseHeaders: Record<string, string>;
}

export async function callAPI<T>(
  config: ProviderConfig,
  input: CallInput,
  send: (client: SeedanceClient, options: RequestOptions) => APIPromise<T>,
): Promise<CallResult<T>> {
  const { headers, idempotencyKey } = callHeaders(input.headers);
  const failed = { url: `${config.baseURL()}${input.path}`, requestBodyValues: input.body };
  const timestamp = new Date();
  const options: RequestOptions = { signal: input.abortSignal, headers, idempotencyKey };
  const result = await asAISDKCall(failed, () => send(config.client(), options).withResponse());
  return { ...result, timestamp, responseHeaders: Object.fromEntries(result.response.headers) };
}

/** The per-call headers `ai` passes, minus unset ones; `Idempotency-Key` is taken out to be used as the key. */
function callHeaders(headers: Record<string, string | undefined> | undefined): {
  headers: Record<string, string>;
  idempotencyKey: string | undefined;
} {
  const defined: Record<string, string> = {};
  let idempotencyKey: string | undefined;
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    if (name.toLowerCase() === "idempotency-key") idempotencyKey = value;
    else defined[name] = value;
  }
  return { headers: defined, idempotencyKey };
}
