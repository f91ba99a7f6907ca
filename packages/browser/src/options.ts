// The two ways a browser client may authenticate, resolved to core's options. A key in a page is
// readable by anyone who opens it, so the key-holding mode needs an explicit opt-in.
import { type ClientOptions, SeedanceError } from "@seedance/core";

type SharedOptions = Omit<ClientOptions, "apiKey" | "baseUrl" | "authScheme">;

/** Calls go to your own backend, which adds the key (recommended). */
export interface ProxyOptions extends SharedOptions {
  /** Your proxy's base URL, absolute or relative to the page (e.g. `"/api/seedance"`). */
  proxyUrl: string;
  apiKey?: never;
  dangerouslyAllowBrowser?: never;
}

/** Calls go straight to the API with a key shipped to the browser. */
export interface DirectOptions extends SharedOptions, Pick<ClientOptions, "baseUrl"> {
  apiKey: string;
  /** Confirms that exposing `apiKey` to everyone who can open the page is acceptable. */
  dangerouslyAllowBrowser: true;
  authScheme?: Exclude<ClientOptions["authScheme"], "none">;
  proxyUrl?: never;
}

export type BrowserClientOptions = ProxyOptions | DirectOptions;

const PROXY_HINT =
  'call through your own backend instead: `new SeedanceClient({ proxyUrl: "/api/seedance" })`, where the backend ' +
  "adds the key (`createProxyHandler` from @seedance/edge or @seedance/node does that)";

export function toCoreOptions(options: BrowserClientOptions): ClientOptions {
  const { proxyUrl, apiKey, dangerouslyAllowBrowser, ...rest } = options;
  if (proxyUrl !== undefined && apiKey !== undefined) {
    throw new SeedanceError("Pass either `proxyUrl` or `apiKey`, not both: with a proxy the key stays on your server.");
  }
  if (proxyUrl !== undefined) return { ...rest, baseUrl: proxyUrl, authScheme: "none" };
  if (apiKey === undefined) throw new SeedanceError(`Missing \`proxyUrl\`: ${PROXY_HINT}.`);
  if (dangerouslyAllowBrowser !== true) {
    throw new SeedanceError(
      `Refusing to put an API key in the browser, where anyone who opens the page can read it; ${PROXY_HINT}. ` +
        "If that exposure is acceptable (a local tool, a demo key), pass `dangerouslyAllowBrowser: true`.",
    );
  }
  return { ...rest, apiKey };
}
