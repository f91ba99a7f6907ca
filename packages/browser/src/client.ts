// The browser client: core's client, constructed from a browser-safe authentication mode, plus
// downloads into a Blob.
import { SeedanceClient as CoreClient } from "@seedance/core";
import { type DownloadOptions, downloadBlob } from "./download.js";
import { type BrowserClientOptions, toCoreOptions } from "./options.js";

export class SeedanceClient extends CoreClient {
  readonly #fetch: (url: string, init: RequestInit) => Promise<Response>;

  constructor(options: BrowserClientOptions) {
    super(toCoreOptions(options));
    const userFetch = options.fetch;
    // Called as a plain function: the browser's fetch throws "Illegal invocation" when given another `this`.
    this.#fetch = (url, init) => (userFetch ?? globalThis.fetch)(url, init);
  }

  /** Downloads a result URL (e.g. `videoUrl`) into a Blob, reporting progress as the bytes arrive. */
  download(url: string | URL, options?: DownloadOptions): Promise<Blob> {
    return downloadBlob(this.#fetch, url, options);
  }
}
