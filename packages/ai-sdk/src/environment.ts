// Reads a setting from the environment where there is one (Node, Bun, Deno's process shim, Workers
// with nodejs_compat); elsewhere settings are passed explicitly.
export function environmentVariable(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.[name] || undefined;
}
