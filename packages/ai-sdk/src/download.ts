// Downloads a generated file as bytes, bounded by the call's abort signal and the provider's timeout.
import { APICallError } from "@ai-sdk/provider";
import type { ProviderConfig } from "./config.js";

export async function downloadBytes(config: ProviderConfig, url: string, signal: AbortSignal | undefined) {
  const deadline = AbortSignal.timeout(config.timeout);
  const bounded = signal ? AbortSignal.any([signal, deadline]) : deadline;
  let response: Response;
  try {
    response = await config.fetch(url, { signal: bounded });
  } catch (cause) {
    if (signal?.aborted) throw signal.reason;
    throw new APICallError({
      message: `Downloading ${url} failed: ${cause instanceof Error ? cause.message : String(cause)}`,
      url,
      requestBodyValues: undefined,
      isRetryable: !deadline.aborted,
      cause,
    });
  }
  if (!response.ok) {
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
  return new Uint8Array(await response.arrayBuffer());
}
