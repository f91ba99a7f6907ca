// The SDK client the commands share, from the global flags (which fall back to the environment).
import { type RateLimitStore, SeedanceClient } from "@seedance/node";
import { UsageError } from "./errors.ts";

export interface ConnectionFlags {
  apiKey?: string;
  baseUrl?: string;
  /** `--no-validate` turns the SDK's spec checks off, so the server's own validation answers. */
  validate: boolean;
}

export function createClient(flags: ConnectionFlags, rateLimitStore?: RateLimitStore): SeedanceClient {
  if (!flags.apiKey) throw new UsageError("No API key: set SEEDANCE_API_KEY or pass --api-key.");
  if (flags.baseUrl !== undefined) checkBaseUrl(flags.baseUrl);
  return new SeedanceClient({ apiKey: flags.apiKey, baseUrl: flags.baseUrl, validate: flags.validate, rateLimitStore });
}

/** A usage error unless `url` is an absolute http:// or https:// URL, naming the likely fix. */
function checkBaseUrl(url: string): void {
  const scheme = /^([a-z][a-z\d+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
  const given = `--base-url (or SEEDANCE_BASE_URL) ${JSON.stringify(url)}`;
  if (scheme === undefined)
    throw new UsageError(`${given} has no scheme: write it as http://${url} (or https://${url}).`);
  if (scheme !== "http" && scheme !== "https")
    throw new UsageError(`${given} must start with http:// or https://, not ${scheme}://.`);
  if (!URL.canParse(url)) throw new UsageError(`${given} is not a valid URL.`);
}
