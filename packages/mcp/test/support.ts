// Test helpers: the built `seedance-mcp` spawned as a real process in its own process group (killed
// with it, and after a deadline at the latest), driven by the MCP SDK's own Client.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ReadBuffer, serializeMessage } from "@modelcontextprotocol/sdk/shared/stdio.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";

export const binPath = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const DEADLINE_MS = 180_000;

/** The environment without the user's Seedance settings, plus `env`. */
export function cleanEnv(env: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { SEEDANCE_API_KEY: _k, SEEDANCE_BASE_URL: _u, SEEDANCE_MCP_TOKEN: _t, ...rest } = process.env;
  const outside = Object.fromEntries(Object.entries(rest).filter(([name]) => !/^(npm|pnpm)_/i.test(name)));
  return { ...outside, ...env };
}

export interface Spawned {
  child: ChildProcess;
  /** Everything the process wrote, for assertions and for failure messages. */
  output: { stdout: string; stderr: string };
  exited: Promise<number | null>;
  kill(): void;
}

/** Spawns `command args` detached, killed with its whole group after `deadline` ms or on `kill()`. */
export function spawnGroup(
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; cwd?: string; deadline?: number },
): Spawned {
  const { deadline = DEADLINE_MS, ...spawnOptions } = options;
  const child = spawn(command, args, { ...spawnOptions, detached: true, stdio: ["pipe", "pipe", "pipe"] });
  const output = { stdout: "", stderr: "" };
  child.stdout?.on("data", (chunk) => (output.stdout += chunk));
  child.stderr?.on("data", (chunk) => (output.stderr += chunk));
  const kill = () => {
    try {
      if (child.pid && child.exitCode === null) process.kill(-child.pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  };
  const timer = setTimeout(() => {
    console.error(`Killed after ${deadline} ms: ${command} ${args.join(" ")}\n${output.stderr.slice(-2000)}`);
    kill();
  }, deadline);
  const exited = new Promise<number | null>((resolve) => {
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
  return { child, output, exited, kill };
}

/** The MCP stdio transport over a process spawned by spawnGroup; every line must be a JSON-RPC message. */
class GroupStdioTransport implements Transport {
  onmessage?: (message: JSONRPCMessage) => void;
  onclose?: () => void;
  onerror?: (error: Error) => void;
  readonly #buffer = new ReadBuffer();
  readonly spawned: Spawned;
  constructor(spawned: Spawned) {
    this.spawned = spawned;
  }

  async start(): Promise<void> {
    const { child } = this.spawned;
    child.stdout?.on("data", (chunk: Buffer) => {
      this.#buffer.append(chunk);
      for (;;) {
        let message: JSONRPCMessage | null;
        try {
          message = this.#buffer.readMessage();
        } catch (error) {
          this.onerror?.(error as Error);
          continue;
        }
        if (!message) break;
        this.onmessage?.(message);
      }
    });
    child.once("close", () => this.onclose?.());
  }

  async send(message: JSONRPCMessage): Promise<void> {
    this.spawned.child.stdin?.write(serializeMessage(message));
  }

  async close(): Promise<void> {
    this.spawned.kill();
  }
}

export interface StdioServer extends Spawned {
  client: Client;
  /** Transport errors: a line on stdout that is not a JSON-RPC message. */
  protocolErrors: Error[];
}

/** Starts `seedance-mcp args` (or `command`) and connects an MCP Client to it over stdio. */
export async function startStdio(options: {
  env: Record<string, string>;
  args?: string[];
  command?: { file: string; args: string[]; cwd: string };
}): Promise<StdioServer> {
  const { file, args, cwd } = options.command ?? { file: process.execPath, args: [binPath], cwd: undefined };
  const spawned = spawnGroup(file, [...args, ...(options.args ?? [])], { env: cleanEnv(options.env), cwd });
  const transport = new GroupStdioTransport(spawned);
  const protocolErrors: Error[] = [];
  transport.onerror = (error) => protocolErrors.push(error);
  const client = new Client({ name: "seedance-mcp-tests", version: "0.0.0" });
  try {
    await client.connect(transport);
  } catch (error) {
    spawned.kill();
    throw new Error(`${file} ${args.join(" ")} did not start: ${(error as Error).message}\n${spawned.output.stderr}`);
  }
  return { ...spawned, client, protocolErrors };
}

/** The text of a tool result's first content block. */
export const textOf = (result: object): string =>
  (((result as { content?: unknown }).content as { type: string; text?: string }[] | undefined)?.find(
    (block) => block.type === "text",
  )?.text ?? "") as string;

/** Requests `key` has made at the sandbox so far (each call spends one unit of its hourly quota, this one too). */
export async function quotaUsed(upstreamUrl: string, key: string): Promise<number> {
  const response = await fetch(`${upstreamUrl}/v1/tasks/quota-probe`, { headers: { Authorization: `Bearer ${key}` } });
  await response.body?.cancel();
  const limit = Number(response.headers.get("x-ratelimit-limit"));
  const remaining = Number(response.headers.get("x-ratelimit-remaining"));
  return limit - remaining;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A key the sandbox accepts, unique per call, to look for in everything the server says. */
export const canaryKey = (tier = "") => `sk-test-${tier}canary-${Math.random().toString(36).slice(2, 12)}`;

export interface HttpMcp extends Spawned {
  /** The endpoint the server printed, e.g. http://127.0.0.1:41234/mcp. */
  url: string;
}

/** Starts `seedance-mcp --http --port 0 args` and waits for the endpoint it prints on stderr. */
export async function startHttp(env: Record<string, string>, args: string[] = []): Promise<HttpMcp> {
  const spawned = spawnGroup(process.execPath, [binPath, "--http", "--port", "0", ...args], { env: cleanEnv(env) });
  const found = () => /at (http:\/\/\S+\/mcp)/.exec(spawned.output.stderr)?.[1];
  for (const started = Date.now(); !found(); await sleep(50)) {
    if (spawned.child.exitCode !== null || Date.now() - started > 30_000) {
      spawned.kill();
      throw new Error(`seedance-mcp --http did not start:\n${spawned.output.stderr}`);
    }
  }
  return { ...spawned, url: found() as string };
}

/** An MCP SDK Client connected to `seedance-mcp --http` at `url` with the bearer `token`. */
export async function connectHttp(url: string, token: string, headers: Record<string, string> = {}): Promise<Client> {
  const client = new Client({ name: "seedance-mcp-http-tests", version: "0.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    requestInit: { headers: { Authorization: `Bearer ${token}`, ...headers } },
  });
  await client.connect(transport);
  return client;
}
