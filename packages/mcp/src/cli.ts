#!/usr/bin/env node
// seedance-mcp: the MCP server over stdio (default) or Streamable HTTP (--http). stdout belongs to
// the protocol, so everything else goes to stderr.
import { Console } from "node:console";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { type LogSink, SeedanceClient } from "@seedance/node";
import { parseOrigin, startHttpServer } from "./http.ts";
import type { InlineImageOptions } from "./inline.ts";
import { cleaner } from "./redact.ts";
import { createSeedanceMcpServer } from "./server.ts";

const { version } = createRequire(import.meta.url)("../package.json") as { version: string };
const stderr = new Console(process.stderr);
// Every line this process writes passes the redaction: the SDK's own log lines too, which may quote
// a server's error message.
const clean = cleaner(process.env.SEEDANCE_API_KEY);
const log = (line: string) => stderr.error(clean(`[seedance-mcp] ${line}`));
const cleanSink: LogSink = {
  debug: (line: string) => stderr.debug(clean(line)),
  info: (line: string) => stderr.info(clean(line)),
  warn: (line: string) => stderr.warn(clean(line)),
  error: (line: string) => stderr.error(clean(line)),
};
const DEFAULT_INLINE_LIMIT = 1_048_576;

const HELP = `Usage: seedance-mcp [options]

The Seedance API as MCP tools. Reads SEEDANCE_API_KEY (and SEEDANCE_BASE_URL) from the environment.

Options:
  --http                      serve Streamable HTTP at /mcp instead of stdio; clients must send
                              Authorization: Bearer $SEEDANCE_MCP_TOKEN
  --port N                    HTTP port (default 3333; 0 picks a free one)
  --host H                    HTTP address to bind (default 127.0.0.1)
  --allow-origin ORIGIN       let web pages from ORIGIN (e.g. https://app.example.com) call the HTTP
                              server; pages on this machine may by default, others are refused
                              (repeat the flag for more origins)
  --inline-images             also return generated images as base64 image content
  --inline-image-limit BYTES  largest image to inline (default ${DEFAULT_INLINE_LIMIT})
  -h, --help                  show this help
  -v, --version               show the version
`;

class UsageError extends Error {}

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a non-negative integer, got "${value}".`);
  return Number(value);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      http: { type: "boolean", default: false },
      port: { type: "string" },
      host: { type: "string", default: "127.0.0.1" },
      "allow-origin": { type: "string", multiple: true, default: [] },
      "inline-images": { type: "boolean", default: false },
      "inline-image-limit": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
      version: { type: "boolean", short: "v", default: false },
    },
  });
  if (values.help) return void process.stdout.write(HELP);
  if (values.version) return void process.stdout.write(`${version}\n`);

  const apiKey = process.env.SEEDANCE_API_KEY;
  if (!apiKey)
    throw new UsageError("SEEDANCE_API_KEY is not set: give the server your Seedance API key in its environment.");
  const clientOptions = {
    apiKey,
    // An agent is better served by the API's advice at once than by a request held until the quota resets.
    holdOnRateLimit: false,
    logger: cleanSink,
  };
  const client = new SeedanceClient(clientOptions);
  const inlineImages: InlineImageOptions | undefined = values["inline-images"]
    ? { maxBytes: integer("inline-image-limit", values["inline-image-limit"], DEFAULT_INLINE_LIMIT) }
    : undefined;
  const options = { client, waiter: new SeedanceClient(clientOptions), apiKey, inlineImages, log };

  if (!values.http) {
    const server = createSeedanceMcpServer(options);
    await server.connect(new StdioServerTransport());
    // The client has gone: stop following its tasks, so that the process ends.
    process.stdin.once("end", () => void server.close());
    log(`serving ${client.baseUrl} over stdio`);
    return;
  }
  const allowedOrigins = values["allow-origin"].map((origin) => {
    try {
      return parseOrigin(origin);
    } catch (error) {
      throw new UsageError(`--allow-origin: ${(error as Error).message}`);
    }
  });
  const token = process.env.SEEDANCE_MCP_TOKEN;
  if (!token) throw new UsageError("--http needs SEEDANCE_MCP_TOKEN: the bearer token clients must send.");
  if (token === apiKey)
    throw new UsageError("SEEDANCE_MCP_TOKEN must not be the API key: clients would hold your key.");
  const server = await startHttpServer({
    ...options,
    token,
    host: values.host,
    port: integer("port", values.port, 3333),
    allowedOrigins,
  });
  log(`serving ${client.baseUrl} at ${server.url}`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void server.close().then(() => process.exit(0)));
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? error.message : String(error));
  process.exitCode =
    error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS") ? 2 : 1;
});
