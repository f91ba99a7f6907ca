// One sandbox per test file, with video tasks that finish in a second and quick webhook retries.
import { type Sandbox, startSandbox } from "@seedance/sandbox";
import { afterAll, beforeAll } from "vitest";

export function useSandbox(): () => Sandbox {
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox({ taskSeconds: 1, webhookRetryDelaysMs: [200, 200] });
  });
  afterAll(() => sandbox?.stop());
  return () => {
    if (!sandbox) throw new Error("the sandbox is not running");
    return sandbox;
  };
}

/** The environment an example reads its key and base URL from, pointed at the sandbox. */
export const sandboxEnv = (sandbox: Sandbox, extra: Record<string, string> = {}) => ({
  ...process.env,
  SEEDANCE_API_KEY: sandbox.apiKey,
  SEEDANCE_BASE_URL: sandbox.url,
  SEEDANCE_WEBHOOK_SECRET: sandbox.webhookSecret,
  ...extra,
});
