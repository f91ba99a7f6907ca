// The Node client: the edge client (environment variables, core's behaviour) sending over node:http
// instead of fetch, plus downloads to disk.
import { SeedanceClient as EdgeClient, type EdgeClientOptions, type Instrumentation } from "@seedance/edge";
import type { DownloadDestination, DownloadOptions, DownloadResult, Fetch } from "./download.js";
import { defaultTransport } from "./transport/default.js";
import type { HttpTransportOptions } from "./transport/http.js";

export interface NodeClientOptions extends EdgeClientOptions, HttpTransportOptions {}

export class SeedanceClient extends EdgeClient {
  readonly #fetch: Fetch;
  /** The client's `timeout` when set, which downloads keep too. */
  readonly #timeout: number | undefined;
  readonly #instrumentation: Instrumentation | undefined;

  /** `new SeedanceClient()` reads `SEEDANCE_API_KEY` and `SEEDANCE_BASE_URL`; explicit options win. */
  constructor(clientOptions: NodeClientOptions = {}) {
    const { agent, ...options } = clientOptions;
    super({ ...options, transport: options.transport ?? defaultTransport(options.fetch, agent) });
    const custom = options.fetch;
    this.#fetch = (url, init) => (custom ?? globalThis.fetch)(url, init);
    this.#timeout = options.timeout;
    this.#instrumentation = options.instrumentation;
  }

  /**
   * Streams `url` (e.g. a finished task's `videoUrl`) to a file path or a stream without holding it
   * in memory. Sends no API key: result URLs are public links.
   *
   * A path is written through a temporary file beside it, renamed into place once complete and
   * verified; an existing path (a symlink included) is refused with `DestinationExistsError` unless
   * `overwrite: true`, and a failure leaves it untouched. `timeout` (the whole download: the
   * client's `timeout` when set, else 30 minutes) and `idleTimeout` (30 s) fail with `APITimeoutError`.
   */
  async download(
    url: string,
    destination: DownloadDestination,
    options: DownloadOptions = {},
  ): Promise<DownloadResult> {
    // Loaded on first use: streams and fs cost every import otherwise.
    const { download } = await import("./download.js");
    const observer = this.#instrumentation?.start({ operation: "download", url, taskId: options.taskId });
    try {
      const result = await download(this.#fetch, url, destination, {
        ...options,
        timeout: options.timeout ?? this.#timeout,
      });
      observer?.end({ result });
      return result;
    } catch (error) {
      observer?.end({ error });
      throw error;
    }
  }
}
