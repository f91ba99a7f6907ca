// A loopback HTTP server whose every answer a test scripts, for behaviour a stateless mock cannot
// show: retries, waits, resets, malformed bodies. It records each request it receives.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Milliseconds since the server started. */
  at: number;
}

export type Script = (request: RecordedRequest, response: ServerResponse, index: number) => void | Promise<void>;

export interface ScriptedServer {
  url: string;
  requests: RecordedRequest[];
  stop(): Promise<void>;
}

export async function startScriptedServer(script: Script): Promise<ScriptedServer> {
  const started = Date.now();
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on("end", () => {
      const recorded = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body,
        at: Date.now() - started,
      };
      requests.push(recorded);
      void Promise.resolve(script(recorded, res, requests.length - 1)).catch((error: unknown) => {
        res.destroy(error as Error);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Scripted servers a test file starts and stops together: `serve(script)` starts one, `stopAll()`
 * (in `afterEach`) stops every one started since.
 */
export function scriptedServerPool() {
  const servers: ScriptedServer[] = [];
  return {
    async serve(script: Script): Promise<ScriptedServer> {
      const server = await startScriptedServer(script);
      servers.push(server);
      return server;
    },
    async stopAll(): Promise<void> {
      await Promise.all(servers.splice(0).map((server) => server.stop()));
    },
  };
}

/** Answers with a JSON body, the rate-limit headers a real response carries, and any extra headers. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, {
    "content-type": "application/json",
    "x-request-id": "req_test",
    "x-ratelimit-limit": "1000",
    "x-ratelimit-remaining": "999",
    "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600),
    ...headers,
  });
  response.end(typeof body === "string" ? body : JSON.stringify(body));
}
