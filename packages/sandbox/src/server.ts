// The sandbox's HTTP server (node:http): request ids, authentication and rate limits in front of
// the spec's operations, plus the generated media under /media/, all state in memory.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { authenticate } from "./auth.ts";
import { FileStore, MEDIA_PREFIX } from "./files.ts";
import { type ApiError, errorReply, newRequestId, sendReply } from "./http.ts";
import { IdempotencyStore } from "./idempotency.ts";
import { digest, mp4 } from "./media.ts";
import { handlers } from "./operations.ts";
import { RateLimiter, type RateLimitOptions } from "./rate-limit.ts";
import { route } from "./router.ts";
import { newStats, type SandboxStats, snapshot } from "./stats.ts";
import { TaskStore } from "./tasks.ts";
import { Triggers } from "./triggers.ts";
import { checkRequest } from "./validation.ts";
import { WebhookSender } from "./webhooks.ts";

export interface SandboxServerOptions extends RateLimitOptions {
  /** Port of the sandbox itself; defaults to a free one. */
  port?: number;
  /** Seconds a video task takes from queued to completed (default 5). */
  taskSeconds?: number;
  /** `whsec_<base64>` secret webhooks are signed with; defaults to a random one. */
  webhookSecret?: string;
  /** Delays between webhook delivery attempts (default: the spec's 5 s … 10 h schedule). */
  webhookRetryDelaysMs?: readonly number[];
  /** How long a webhook receiver may take to answer (default 15 s). */
  webhookTimeoutMs?: number;
}

export interface SandboxServer {
  /** Base URL of the sandbox itself (no Prism in front). */
  url: string;
  webhookSecret: string;
  /** What it did so far, counted here: generations made, 429s and requests answered. */
  stats(): SandboxStats;
  /** Closes the server and cancels task timers and webhook deliveries. */
  stop(): Promise<void>;
}

const DEFAULT_TASK_SECONDS = 5;
const HOST = "127.0.0.1";
const NOT_FOUND: ApiError = { status: 404, code: "NOT_FOUND", message: "No such operation" };
/** A method the spec does not give a known path: 405 with `Allow` (RFC 9110), in the API's envelope. */
const methodNotAllowed = (method: string | undefined, allow: string[]): ApiError => ({
  status: 405,
  code: "INVALID_REQUEST",
  message: `${method} is not allowed here; this path accepts ${allow.join(", ")}`,
  headers: { Allow: allow.join(", ") },
});
const INTERNAL: ApiError = { status: 500, code: "INTERNAL_ERROR", message: "An internal error occurred" };

export async function startSandboxServer(options: SandboxServerOptions = {}): Promise<SandboxServer> {
  const webhookSecret = options.webhookSecret ?? `whsec_${randomBytes(24).toString("base64")}`;
  let url = "";
  const files = new FileStore(() => url);
  const limiter = new RateLimiter(options);
  const webhooks = new WebhookSender({
    secret: webhookSecret,
    retryDelaysMs: options.webhookRetryDelaysMs,
    timeoutMs: options.webhookTimeoutMs,
  });
  const tasks = new TaskStore({
    durationMs: (options.taskSeconds ?? DEFAULT_TASK_SECONDS) * 1000,
    render: ({ id, request }) => ({
      video_url: files.add(`videos/${id}.mp4`, mp4(request.duration, digest(request.prompt))),
      duration: request.duration,
      ...(request.resolution ? { resolution: request.resolution } : {}),
    }),
    onEvent: ({ request }, event) => {
      if (request.webhook_url) webhooks.send(request.webhook_url, event);
    },
  });
  const stats = newStats();
  const operations = handlers({ files, tasks, triggers: new Triggers(), idempotency: new IdempotencyStore(), stats });

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    response.setHeader("X-Request-Id", newRequestId());
    const { pathname } = new URL(request.url ?? "/", "http://sandbox");
    if (pathname.startsWith(MEDIA_PREFIX)) return files.serve(request, response, pathname);
    const apiKey = authenticate(request.headers);
    // A refused key has no quota of its own: its 401 reports the default tier's.
    if (typeof apiKey !== "string") return sendReply(response, errorReply(apiKey), limiter.peek(""));
    const { quota, error } = limiter.take(apiKey);
    stats.requests++;
    if (error) {
      stats.rateLimited++;
      return sendReply(response, errorReply(error), quota);
    }
    const found = route(request.method, pathname);
    if (!found) return sendReply(response, errorReply(NOT_FOUND), quota);
    if ("allow" in found) return sendReply(response, errorReply(methodNotAllowed(request.method, found.allow)), quota);
    const invalid = checkRequest(found.operation, { path: found.path });
    if (invalid) return sendReply(response, errorReply(invalid), quota);
    sendReply(response, await operations[found.operationId]({ apiKey, request, path: found.path }), quota);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error("sandbox: unexpected error", error);
      if (!response.headersSent) sendReply(response, errorReply(INTERNAL), limiter.peek(""));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, HOST, resolve);
  });
  url = `http://${HOST}:${(server.address() as AddressInfo).port}`;

  return {
    url,
    webhookSecret,
    stats: () => snapshot(stats),
    stop: async () => {
      tasks.stop();
      webhooks.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
