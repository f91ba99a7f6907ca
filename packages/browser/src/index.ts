// @seedance/browser: core's public API, with a SeedanceClient that keeps the key out of the page.
export * from "@seedance/core";
export { SeedanceClient } from "./client.js";
export type { DownloadOptions, DownloadProgress } from "./download.js";
export type { BrowserClientOptions, DirectOptions, ProxyOptions } from "./options.js";
