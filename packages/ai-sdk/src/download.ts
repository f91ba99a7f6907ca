// Downloads a generated file as bytes, bounded by the call's abort signal, the provider's timeout and
// `maxDownloadBytes`. What the media host says goes into errors sanitised.
import { APICallError } from "@ai-sdk/provider";
import { readAtMost } from "@seedance/core";
import type { ProviderConfig } from "./config.js";
import { withDeadline } from "./signals.js";

/** How much of a refusal's body an error quotes. */
const ERROR_BODY_BYTES = 4096;

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
  const { maxDownloadBytes: limit, redact } = config;
  let bytes: Uint8Array | undefined;
  try {
    const response = await config.fetch(url, { signal: bounded.signal });
    if (!response.ok) return await refused(config, url, response);
    // A Content-Length counts the body as sent, so it proves too much only for an unencoded body.
    const announced = response.headers.has("content-encoding")
      ? Number.NaN
      : Number(response.headers.get("content-length"));
    if (announced > limit) await response.body?.cancel();
    else bytes = await readAtMost(response.body, limit, bounded.signal);
  } catch (cause) {
    if (APICallError.isInstance(cause)) throw cause;
    if (signal?.aborted) throw signal.reason;
    const why = bounded.timedOut()
      ? `no answer within ${config.timeout} ms`
      : cause instanceof Error
        ? cause.message
        : String(cause);
    throw new APICallError({
      message: `Downloading ${redact(url)} failed: ${redact(why)}`,
      url: redact(url),
      requestBodyValues: undefined,
      isRetryable: !bounded.timedOut(),
      cause,
    });
  }
  if (bytes) return bytes;
  throw new APICallError({
    message: `Downloading ${redact(url)} stopped at ${limit} bytes, the maxDownloadBytes limit; raise it in createSeedance({ maxDownloadBytes }) if images really are this large.`,
    url: redact(url),
    requestBodyValues: undefined,
    isRetryable: false,
  });
}

async function refused(config: ProviderConfig, url: string, response: Response): Promise<never> {
  const { redact } = config;
  const excerpt = await readAtMost(response.body, ERROR_BODY_BYTES).catch(() => undefined);
  const responseBody = excerpt
    ? redact(new TextDecoder().decode(excerpt))
    : `(not read: over ${ERROR_BODY_BYTES} bytes)`;
  throw new APICallError({
    message: redact(`Downloading ${url} answered ${response.status} ${response.statusText}`.trim()),
    url: redact(url),
    requestBodyValues: undefined,
    statusCode: response.status,
    responseHeaders: Object.fromEntries(response.headers),
    responseBody,
  });
}
