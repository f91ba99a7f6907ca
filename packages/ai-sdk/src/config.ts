// What every model of one provider shares: one lazily created core client (so a missing key fails at
// the call, as in the official providers, not at import), the fetch for media, and the webhook secret.
import { LoadAPIKeyError } from "@ai-sdk/provider";
import { DEFAULT_BASE_URL, SeedanceClient, sanitizeServerText } from "@seedance/core";
import { environmentVariable } from "./environment.js";

export interface SeedanceProviderSettings {
  /** API key; defaults to the `SEEDANCE_API_KEY` environment variable. */
  apiKey?: string;
  /** Base URL of the API (or of your proxy); defaults to `SEEDANCE_BASE_URL`, then the public API. */
  baseURL?: string;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** A custom fetch, used for the API and for downloading images. */
  fetch?: typeof globalThis.fetch;
  /**
   * The `whsec_…` secret webhook deliveries are verified with; defaults to `SEEDANCE_WEBHOOK_SECRET`.
   * Needed only for `experimental_generateVideo({ webhook })`.
   */
  webhookSecret?: string;
  /** Retries of one request inside the provider, on top of `ai`'s own (default 2). */
  maxRetries?: number;
  /** Milliseconds one request may take, retries included (default 300000); also bounds image downloads. */
  timeout?: number;
  /**
   * The largest image the provider downloads into memory, in bytes after decompression (default
   * 128 MiB, twice a 4096×4096 image even uncompressed); a larger one fails with an `APICallError`.
   */
  maxDownloadBytes?: number;
}

export interface ProviderConfig {
  readonly provider: string;
  /** Read at first use, so the default provider sees variables set after it was imported. */
  baseURL(): string;
  readonly timeout: number;
  readonly maxDownloadBytes: number;
  client(): SeedanceClient;
  /** Server text (a media host's answer, a task's error message) sanitised, the key redacted. */
  redact(text: string): string;
  fetch(url: string, init: RequestInit): Promise<Response>;
  webhookSecret(): string | undefined;
}

const DEFAULT_TIMEOUT_MS = 300_000;
const DEFAULT_MAX_DOWNLOAD_BYTES = 128 * 1024 * 1024;

export function createConfig(settings: SeedanceProviderSettings): ProviderConfig {
  const baseURL = () =>
    (settings.baseURL ?? environmentVariable("SEEDANCE_BASE_URL") ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
  const timeout = settings.timeout ?? DEFAULT_TIMEOUT_MS;
  const fetch = (url: string, init: RequestInit) => (settings.fetch ?? globalThis.fetch)(url, init);
  let client: SeedanceClient | undefined;
  const apiKey = () => settings.apiKey ?? environmentVariable("SEEDANCE_API_KEY");
  return {
    provider: "seedance",
    baseURL,
    timeout,
    maxDownloadBytes: settings.maxDownloadBytes ?? DEFAULT_MAX_DOWNLOAD_BYTES,
    fetch,
    redact: (text) => sanitizeServerText(text, apiKey()),
    webhookSecret: () => settings.webhookSecret ?? environmentVariable("SEEDANCE_WEBHOOK_SECRET"),
    client() {
      if (client) return client;
      const key = apiKey();
      if (!key) {
        throw new LoadAPIKeyError({
          message:
            "Seedance API key is missing. Pass it as `createSeedance({ apiKey })` or set the SEEDANCE_API_KEY " +
            "environment variable.",
        });
      }
      client = new SeedanceClient({
        apiKey: key,
        baseUrl: baseURL(),
        fetch,
        timeout,
        defaultHeaders: settings.headers,
        ...(settings.maxRetries === undefined ? {} : { maxRetries: settings.maxRetries }),
      });
      return client;
    },
  };
}
