// One request to the server under check and what it SENT (status, headers, body as bytes and as
// JSON), each bounded: a time budget per request, the run's deadline, and a cap on the body read.
// A request is also a copy-paste `curl` line, with the valid key left as $SEEDANCE_API_KEY.

/** The most of a body that is read (the spec's answers are a few KiB). */
const MAX_BODY_BYTES = 1024 * 1024;

export interface Request {
  method: string;
  /** Path and query, e.g. `/v1/tasks/task-1`. */
  path: string;
  headers: Record<string, string>;
  body?: unknown;
}

export type Outcome =
  | {
      kind: "answer";
      status: number;
      headers: Headers;
      text: string;
      /** The parsed body, or undefined when it is not JSON. */
      json: unknown;
      elapsedMs: number;
    }
  /** No answer within the request's time budget. */
  | { kind: "timeout"; elapsedMs: number }
  /** The connection failed or was dropped before a whole answer came. */
  | { kind: "dropped"; elapsedMs: number; error: string }
  /** The run's deadline passed first. */
  | { kind: "deadline"; elapsedMs: number };

export interface Exchange {
  request: Request;
  outcome: Outcome;
}

export interface Transport {
  baseUrl: string;
  /** The valid key, shown as $SEEDANCE_API_KEY in `curl` lines. */
  apiKey: string;
  requestTimeoutMs: number;
  /** Aborted when the run's deadline passes. */
  deadline: AbortSignal;
  /** Counts every request sent. */
  sent: { count: number };
}

async function readBounded(response: Response): Promise<string> {
  if (!response.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    chunks.push(chunk);
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES) break;
  }
  return Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES).toString("utf8");
}

const causeOf = (error: unknown): string => {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
};

export async function send(transport: Transport, request: Request): Promise<Exchange> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  if (transport.deadline.aborted) return { request, outcome: { kind: "deadline", elapsedMs: 0 } };
  transport.sent.count++;
  const budget = AbortSignal.timeout(transport.requestTimeoutMs);
  const signal = AbortSignal.any([budget, transport.deadline]);
  const headers = { ...request.headers };
  if (request.body !== undefined) headers["Content-Type"] = "application/json";
  try {
    const response = await fetch(`${transport.baseUrl}${request.path}`, {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      redirect: "manual",
      signal,
    });
    const text = await readBounded(response);
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return {
      request,
      outcome: { kind: "answer", status: response.status, headers: response.headers, text, json, elapsedMs: elapsed() },
    };
  } catch (error) {
    if (budget.aborted) return { request, outcome: { kind: "timeout", elapsedMs: elapsed() } };
    if (transport.deadline.aborted) return { request, outcome: { kind: "deadline", elapsedMs: elapsed() } };
    return { request, outcome: { kind: "dropped", elapsedMs: elapsed(), error: causeOf(error) } };
  }
}

const shellQuote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/** The request as a `curl` command line that can be pasted into a shell. */
export function curlLine(transport: Pick<Transport, "baseUrl" | "apiKey">, request: Request): string {
  const parts = ["curl", "-sS", "-i", "-X", request.method, shellQuote(`${transport.baseUrl}${request.path}`)];
  for (const [name, value] of Object.entries(request.headers)) {
    // The valid key stays in the environment; a deliberately bad one is shown as sent.
    const shown = transport.apiKey && value.includes(transport.apiKey);
    const header = `${name}: ${shown ? value.replace(transport.apiKey, "$SEEDANCE_API_KEY") : value}`;
    parts.push("-H", shown ? `"${header.replaceAll('"', '\\"')}"` : shellQuote(header));
  }
  if (request.body !== undefined)
    parts.push("-H", shellQuote("Content-Type: application/json"), "--data", shellQuote(JSON.stringify(request.body)));
  return parts.join(" ");
}
