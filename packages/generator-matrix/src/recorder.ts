// A loopback HTTP proxy in front of Prism that records, for every call a generated client makes,
// which operation it was, the status, and Prism's `sl-violations` verdict.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface Operation {
  operationId: string;
  method: string;
  /** The path template as a regular expression, e.g. /v1/tasks/{task_id} → ^/v1/tasks/[^/]+$ */
  pattern: RegExp;
}

export interface Call {
  operationId: string | undefined;
  method: string;
  path: string;
  status: number;
  violations: unknown[];
}

export interface Recorder {
  url: string;
  /** Calls recorded since the last `take()`, which clears them. */
  take(): Call[];
  stop(): Promise<void>;
}

/** The operations of an OpenAPI document's `paths`. */
export function operationsOf(spec: { paths: Record<string, Record<string, { operationId?: string }>> }): Operation[] {
  return Object.entries(spec.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([, operation]) => operation.operationId)
      .map(([method, operation]) => ({
        operationId: operation.operationId as string,
        method: method.toUpperCase(),
        pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, "[^/]+")}$`),
      })),
  );
}

function body(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

export async function startRecorder(upstream: string, operations: Operation[]): Promise<Recorder> {
  let calls: Call[] = [];
  const server = createServer(async (request, response) => {
    try {
      const path = (request.url ?? "/").split("?")[0] as string;
      const method = request.method ?? "GET";
      const headers = Object.fromEntries(
        Object.entries(request.headers).filter(([name]) => !["host", "connection", "content-length"].includes(name)),
      ) as Record<string, string>;
      const payload = await body(request);
      const answer = await fetch(`${upstream}${request.url}`, {
        method,
        headers,
        body: payload.length > 0 ? new Uint8Array(payload) : undefined,
        signal: AbortSignal.timeout(30_000),
      });
      const violations = answer.headers.get("sl-violations");
      calls.push({
        operationId: operations.find((op) => op.method === method && op.pattern.test(path))?.operationId,
        method,
        path,
        status: answer.status,
        violations: violations ? (JSON.parse(violations) as unknown[]) : [],
      });
      const forwarded = Object.fromEntries(
        [...answer.headers].filter(
          ([name]) => !["content-encoding", "content-length", "transfer-encoding", "connection"].includes(name),
        ),
      );
      response.writeHead(answer.status, forwarded).end(Buffer.from(await answer.arrayBuffer()));
    } catch (error) {
      response.writeHead(502, { "content-type": "text/plain" }).end(`recorder: ${(error as Error).message}`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    take: () => {
      const taken = calls;
      calls = [];
      return taken;
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
