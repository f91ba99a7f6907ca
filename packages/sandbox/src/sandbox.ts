// The sandbox as users run it: the simulator behind Prism's validating proxy, so every answer it
// gives is checked against the spec on its way out.
import { startPrism } from "@seedance/prism";
import { type SandboxServerOptions, startSandboxServer } from "./server.ts";

export interface SandboxOptions extends Omit<SandboxServerOptions, "port"> {
  /** Port of the Prism front (the base URL clients use); defaults to a free one. */
  port?: number;
  /** Port of the sandbox behind Prism (and of the media URLs); defaults to a free one. */
  upstreamPort?: number;
}

export interface Sandbox {
  /** Base URL for clients: Prism, validating every request and response against the spec. */
  url: string;
  /** The sandbox itself, unchecked; media URLs point here because Prism only proxies the spec's paths. */
  upstreamUrl: string;
  /** A valid (pro tier) test key. */
  apiKey: string;
  webhookSecret: string;
  /** Stops Prism, the server, its task timers and pending webhook deliveries. */
  stop(): Promise<void>;
}

export const SANDBOX_API_KEY = "sk-test-sandbox";

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const { port, upstreamPort, ...serverOptions } = options;
  const server = await startSandboxServer({ ...serverOptions, port: upstreamPort });
  try {
    const prism = await startPrism({ upstream: server.url, port });
    return {
      url: prism.url,
      upstreamUrl: server.url,
      apiKey: SANDBOX_API_KEY,
      webhookSecret: server.webhookSecret,
      stop: async () => {
        await prism.stop();
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
