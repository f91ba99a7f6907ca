// The spec's four operations, each answering with the spec's envelope. Authentication, rate
// limiting, routing and the path checks happen before a handler is reached (see server.ts).
import type { IncomingMessage } from "node:http";
import type {
  ImageGenerationRequest,
  ImageGenerationResponse,
  TaskResultResponse,
  TaskStatusResponse,
  VideoGenerationRequest,
  VideoGenerationResponse,
} from "@seedance/core/api";
import type { FileStore } from "./files.ts";
import { type ApiError, errorReply, parseJson, type Reply, readBody } from "./http.ts";
import type { IdempotencyStore } from "./idempotency.ts";
import { generateImages } from "./images.ts";
import type { SandboxStats } from "./stats.ts";
import { resultOf, statusOf, type TaskStore } from "./tasks.ts";
import { FAILURE_MESSAGE, type Triggers } from "./triggers.ts";
import { checkRequest, type OperationId, operationSpec } from "./validation.ts";

/** A request that has been authenticated and routed: its API key, and its path parameters by name. */
export interface RoutedRequest {
  apiKey: string;
  request: IncomingMessage;
  path: Record<string, string>;
}

export type Handler = (routed: RoutedRequest) => Promise<Reply>;

export interface Services {
  files: FileStore;
  tasks: TaskStore;
  triggers: Triggers;
  idempotency: IdempotencyStore;
  stats: SandboxStats;
}

/**
 * The request's headers as the spec names them (`Idempotency-Key`): Node lower-cases header names,
 * and the spec's checks look them up by the spec's spelling.
 */
const specHeaders = (request: IncomingMessage): Record<string, unknown> =>
  new Proxy(request.headers, {
    get: (headers, name) => (typeof name === "string" ? headers[name.toLowerCase()] : undefined),
  });

export function handlers({ files, tasks, triggers, idempotency, stats }: Services): Record<OperationId, Handler> {
  /** A generation: the body and header checks, the idempotency key and the prompt triggers around `create`. */
  const generation =
    <Body extends { prompt: string }>(
      operationId: OperationId,
      create: (apiKey: string, body: Body) => Promise<Reply>,
    ) =>
    async ({ apiKey, request }: RoutedRequest): Promise<Reply> => {
      const bytes = await readBody(request);
      if (!Buffer.isBuffer(bytes)) return errorReply(bytes);
      const parsed = parseJson(bytes);
      if ("error" in parsed) return errorReply(parsed.error);
      const headers = specHeaders(request);
      const invalid = checkRequest(operationSpec(operationId), { headers, body: parsed.json });
      if (invalid) return errorReply(invalid);
      const body = parsed.json as Body;
      const produce = async (): Promise<Reply> => {
        const error = triggers.errorFor(apiKey, body.prompt);
        return error ? errorReply(error) : create(apiKey, body);
      };
      const idempotencyKey = headers["Idempotency-Key"];
      if (typeof idempotencyKey !== "string") return produce();
      const replay = idempotency.remember({ apiKey, operationId, idempotencyKey, body }, produce);
      return replay instanceof Promise ? replay : errorReply(replay);
    };

  return {
    generateImage: generation<ImageGenerationRequest>("generateImage", async (_, body) => {
      const reply: ImageGenerationResponse = { status: "success", data: await generateImages(body, files) };
      stats.generations.push({ operationId: "generateImage", prompt: body.prompt, id: reply.data.images[0]?.id ?? "" });
      return { status: 200, body: reply };
    }),
    generateVideo: generation<VideoGenerationRequest>("generateVideo", async (apiKey, body) => {
      const failure = triggers.failsTask(body.prompt) ? FAILURE_MESSAGE : undefined;
      const { id } = tasks.create(apiKey, body, failure);
      stats.generations.push({ operationId: "generateVideo", prompt: body.prompt, id });
      const reply: VideoGenerationResponse = {
        status: "accepted",
        data: {
          task_id: id,
          status: "queued",
          estimated_wait_time_seconds: tasks.estimatedSeconds,
          check_status_url: `/v1/tasks/${id}`,
        },
      };
      return { status: 202, body: reply };
    }),
    getTaskStatus: async ({ apiKey, path }) => {
      const task = tasks.get(apiKey, path.task_id ?? "");
      if (!task) return errorReply(taskNotFound(path.task_id));
      const reply: TaskStatusResponse = { status: "success", data: statusOf(task) };
      return { status: 200, body: reply };
    },
    getTaskResult: async ({ apiKey, path }) => {
      const task = tasks.get(apiKey, path.task_id ?? "");
      if (!task) return errorReply(taskNotFound(path.task_id));
      const result = resultOf(task);
      if ("code" in result) return errorReply(result);
      const reply: TaskResultResponse = { status: "success", data: result };
      return { status: 200, body: reply };
    },
  };
}

function taskNotFound(id: string | undefined): ApiError {
  return { status: 404, code: "NOT_FOUND", message: `Task ${id} not found` };
}
