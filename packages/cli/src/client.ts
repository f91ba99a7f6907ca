// The SDK client the commands share, from the global flags (which fall back to the environment).
import { SeedanceClient } from "@seedance/node";
import { UsageError } from "./errors.ts";

export interface ConnectionFlags {
  apiKey?: string;
  baseUrl?: string;
  /** `--no-validate` turns the SDK's spec checks off, so the server's own validation answers. */
  validate: boolean;
}

export function createClient(flags: ConnectionFlags): SeedanceClient {
  if (!flags.apiKey) throw new UsageError("No API key: set SEEDANCE_API_KEY or pass --api-key.");
  return new SeedanceClient({ apiKey: flags.apiKey, baseUrl: flags.baseUrl, validate: flags.validate });
}
