// Starts a real Prism process (mock of the bundled spec, or validating proxy in front of an
// upstream) on a loopback port, waits until it answers, and stops it on request.
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { freePort } from "./free-port.ts";
import { exitWithParent } from "./shutdown.ts";

const require = createRequire(import.meta.url);

/** The bundled `@seedance/openapi` document. */
export const bundledSpecPath: string = require.resolve("@seedance/openapi/openapi.json");

export interface PrismOptions {
  /** Spec to serve; defaults to the bundled `@seedance/openapi` document. */
  spec?: string;
  /** Port to listen on; defaults to a free one. */
  port?: number;
  /** Proxy to this upstream (validating requests and responses) instead of mocking. */
  upstream?: string;
  /**
   * As a proxy, answer a request or response that breaks the spec with Prism's own error
   * (`422`/`401`/`500`, `application/problem+json`; Prism's `--errors`), the default. With `false`
   * every request is forwarded and every answer passed on, the violations reported only in the
   * `sl-violations` header and Prism's log.
   */
  errors?: boolean;
  /** How long to wait for Prism to answer before giving up. */
  startTimeoutMs?: number;
}

export interface PrismServer {
  url: string;
  stop(): Promise<void>;
}

function prismBin(): string {
  const pkgJson = require.resolve("@stoplight/prism-cli/package.json");
  const { bin } = require(pkgJson) as { bin: { prism: string } };
  return join(dirname(pkgJson), bin.prism);
}

export async function startPrism(options: PrismOptions = {}): Promise<PrismServer> {
  const port = options.port ?? (await freePort());
  const spec = options.spec ?? bundledSpecPath;
  const args = options.upstream
    ? ["proxy", spec, options.upstream, ...(options.errors === false ? [] : ["--errors"])]
    : ["mock", spec];
  const child = spawn(
    process.execPath,
    ["--import", exitWithParent, prismBin(), ...args, "--host", "127.0.0.1", "--port", String(port)],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);

  const url = `http://127.0.0.1:${port}`;
  const server: PrismServer = { url, stop: () => stopChild(child) };
  try {
    await waitUntilAnswering(url, child, options.startTimeoutMs ?? 30_000);
  } catch (error) {
    await server.stop();
    throw new Error(`Prism did not start on ${url}: ${(error as Error).message}\n${output}`);
  }
  return server;
}

async function waitUntilAnswering(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Prism exited with code ${child.exitCode}`);
    try {
      await fetch(`${url}/`, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`no answer within ${timeoutMs} ms`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 3000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
