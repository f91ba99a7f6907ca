// Fills the options a caller left out from the runtime's environment: a Worker's `env` binding
// first, then `process.env` where the runtime has one. Explicit options always win.
import type { ClientOptions } from "@seedance/core";

/** Bindings as Workers and Pages Functions pass them; only string values are read. */
export type EnvBindings = Readonly<Record<string, unknown>>;

export interface EdgeClientOptions extends ClientOptions {
  /** Where to read `SEEDANCE_API_KEY` and `SEEDANCE_BASE_URL`, e.g. a Worker's `env`. Default `process.env`, where it exists. */
  env?: EnvBindings | undefined;
}

function processEnv(name: string): unknown {
  try {
    return (globalThis as { process?: { env?: EnvBindings } }).process?.env?.[name];
  } catch {
    // Deno without --allow-env throws instead of answering undefined.
    return undefined;
  }
}

function read(env: EnvBindings | undefined, name: string): string | undefined {
  const value = env?.[name] ?? processEnv(name);
  return typeof value === "string" && value !== "" ? value : undefined;
}

export function withEnvironment({ env, ...options }: EdgeClientOptions): ClientOptions {
  return {
    ...options,
    apiKey: options.apiKey ?? read(env, "SEEDANCE_API_KEY"),
    baseUrl: options.baseUrl ?? read(env, "SEEDANCE_BASE_URL"),
  };
}
