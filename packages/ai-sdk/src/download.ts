// Downloads a generated file as bytes, bounded by the call's abort signal and the provider's timeout.
import { APICallError } from "@ai-sdk/provider";
import type { ProviderConfig } from "./config.js";
import { withDeadline } from "./signals.js";

export async function downloadBytes(config: ProviderConfig, url: string, signal: AbortSignal | undefined) {
  const bounded = withDeadline(signal, config.timeout);
  try {
    return await download(config, url, signal, bounded);
  } finally {
    bounded.dispose();
  }
}

async function download(
  config: ProviderConfig,
  url: string,
  signal: AbortSignal | undefined,
  bounded: ReturnType<typeof withDeadline>,
): Promise<Uint8Array> {
  let response: Response;
  let bytes: ArrayBuffer;
  try {
    response = await config.fetch(url, { signal: bounded.signal });
    if (!response.ok) return await refused(url, response);
    bytes = await response.arrayBuffer();
  } catch (cause) {
    if (APICallError.isInstance(cause)) throw cause;
    if (signal?.aborted) throw signal.reason;
    throw new APICallError({
      message: `Downloading ${url} failed: ${bounded.timedOut() ? `no answer within ${config.timeout} ms` : cause instanceof Error ? cause.message : String(cause)}`,
      url,
      requestBodyValues: undefined,
      isRetryable: !bounded.timedOut(),
      cause,
    });
  }
  return new Uint8Array(bytes);
}

async function refused(url: string, response: Response): Promise<never> {
  const responseBody = await response.text().catch(() => "");
  throw new APICallError({
    message: `Downloading ${url} answered ${response.status} ${response.statusText}`.trim(),
    url,
    requestBodyValues: undefined,
    statusCode: response.status,
    responseHeaders: Object.fromEntries(response.headers),
    responseBody,
  });
}
