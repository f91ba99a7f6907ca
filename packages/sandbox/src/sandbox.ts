// The sandbox as users run it: the simulator behind Prism's validating proxy, so every exchange is
// checked against the spec, and a front (the URL users get) that always answers as the API does.
import { startPrism } from "@seedance/prism";
import { type Exchange, startFront, type Violation } from "./front.ts";
import { type SandboxServerOptions, startSandboxServer } from "./server.ts";
import type { SandboxStats } from "./stats.ts";

export interface SandboxOptions extends Omit<SandboxServerOptions, "port"> {
  /** Port of the sandbox's URL (the base URL clients use); defaults to a free one. */
  port?: number;
  /** Port of the simulator behind Prism (and of the media URLs); defaults to a free one. */
  upstreamPort?: number;
  /** Called with Prism's verdict on each exchange that breaks the spec (also in its `sl-violations` header). */
  onViolations?: (exchange: Exchange, violations: Violation[]) => void;
}

export interface Sandbox {
  /**
   * Base URL for clients. Every answer is the simulator's, in the API's envelope; Prism's
   * validating proxy checks each exchange on the way and reports what breaks the spec in an
   * `sl-violations` header.
   */
  url: string;
  /** The simulator itself, unchecked; media URLs point here. */
  upstreamUrl: string;
  /** A valid (pro tier) test key. */
  apiKey: string;
  webhookSecret: string;
  /** What the simulator did so far, counted at the server: generations made, 429s, requests. */
  stats(): SandboxStats;
  /** Stops the front, Prism, the simulator, its task timers and pending webhook deliveries. */
  stop(): Promise<void>;
}

export const SANDBOX_API_KEY = "sk-test-sandbox";

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const { port, upstreamPort, onViolations, ...serverOptions } = options;
  const server = await startSandboxServer({ ...serverOptions, port: upstreamPort });
  const stops = [() => server.stop()];
  const stop = async () => {
    for (const each of stops.reverse()) await each();
  };
  try {
    // Without --errors Prism forwards every request and passes every answer on, verdicts aside.
    const prism = await startPrism({ upstream: server.url, errors: false });
    stops.push(() => prism.stop());
    const front = await startFront({ port, prismUrl: prism.url, simulatorUrl: server.url, onViolations });
    stops.push(() => front.stop());
    return {
      url: front.url,
      upstreamUrl: server.url,
      apiKey: SANDBOX_API_KEY,
      webhookSecret: server.webhookSecret,
      stats: server.stats,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
