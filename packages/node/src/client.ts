// The Node client: the edge client (environment variables, core's behaviour) plus downloads to disk.
// Node's fetch (undici) keeps connections alive and reuses them across calls on its own; the test
// `keep-alive.test.ts` shows a run of calls sharing one connection, so no custom Agent is needed.
import { SeedanceClient as EdgeClient, type EdgeClientOptions } from "@seedance/edge";
import { type DownloadDestination, type DownloadOptions, download, type Fetch } from "./download.js";

export type NodeClientOptions = EdgeClientOptions;

export class SeedanceClient extends EdgeClient {
  readonly #fetch: Fetch;

  /** `new SeedanceClient()` reads `SEEDANCE_API_KEY` and `SEEDANCE_BASE_URL`; explicit options win. */
  constructor(options: NodeClientOptions = {}) {
    super(options);
    const custom = options.fetch;
    this.#fetch = (url, init) => (custom ?? globalThis.fetch)(url, init);
  }

  /**
   * Streams `url` (e.g. a finished task's `videoUrl`) to a file path or a stream without holding it
   * in memory. Sends no API key: result URLs are public links.
   */
  download(url: string, destination: DownloadDestination, options?: DownloadOptions): Promise<{ bytes: number }> {
    return download(this.#fetch, url, destination, options);
  }
}
