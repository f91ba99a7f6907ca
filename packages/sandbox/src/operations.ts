// The spec's four operations, each a route answering with the spec's envelope. Authentication and
// rate limiting happen before a route is reached (see server.ts).
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
import { type ApiError, errorReply, type Reply, readJson } from "./http.ts";
import type { IdempotencyStore } from "./idempotency.ts";
import { generateImages } from "./images.ts";
import { resultOf, statusOf, type TaskStore } from "./tasks.ts";
import { FAILURE_MESSAGE, type Triggers } from "./triggers.ts";
import { validateBody } from "./validation.ts";

export interface Route {
  method: string;
  /** Matches the path; its first group, if any, is passed to `handle` as `param`. */
  path: RegExp;
  handle(apiKey: string, request: IncomingMessage, param: string): Promise<Reply>;
}

export interface Services {
  files: FileStore;
  tasks: TaskStore;
  triggers: Triggers;
  idempotency: IdempotencyStore;
}

export function operations({ files, tasks, triggers, idempotency }: Services): Route[] {
  /** A generation: body checks, prompt triggers and the idempotency key around `create`. */
  const generation =
    <Body extends { prompt: string }>(schemaName: string, create: (apiKey: string, body: Body) => Promise<Reply>) =>
    async (apiKey: string, request: IncomingMessage): Promise<Reply> => {
      const parsed = await readJson(request);
      const produce = async (): Promise<Reply> => {
        if ("error" in parsed) return errorReply(parsed.error);
        const body = parsed.json as Body;
        const error = validateBody(body, schemaName) ?? triggers.errorFor(apiKey, body.prompt);
        return error ? errorReply(error) : create(apiKey, body);
      };
      const key = request.headers["idempotency-key"];
      return typeof key === "string" && key !== "" ? idempotency.remember(apiKey, key, produce) : produce();
    };

  return [
    {
      method: "POST",
      path: /^\/v1\/seedream\/generate$/,
      handle: generation<ImageGenerationRequest>("ImageGenerationRequest", async (_, body) => {
        const reply: ImageGenerationResponse = { status: "success", data: await generateImages(body, files) };
        return { status: 200, body: reply };
      }),
    },
    {
      method: "POST",
      path: /^\/v1\/seedance\/generate$/,
      handle: generation<VideoGenerationRequest>("VideoGenerationRequest", async (apiKey, body) => {
        const failure = triggers.failsTask(body.prompt) ? FAILURE_MESSAGE : undefined;
        const { id } = tasks.create(apiKey, body, failure);
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
    },
    {
      method: "GET",
      path: /^\/v1\/tasks\/([^/]+)$/,
      handle: async (apiKey, _, id) => {
        const task = tasks.get(apiKey, id);
        if (!task) return errorReply(taskNotFound(id));
        const reply: TaskStatusResponse = { status: "success", data: statusOf(task) };
        return { status: 200, body: reply };
      },
    },
    {
      method: "GET",
      path: /^\/v1\/results\/([^/]+)$/,
      handle: async (apiKey, _, id) => {
        const task = tasks.get(apiKey, id);
        if (!task) return errorReply(taskNotFound(id));
        const result = resultOf(task);
        if ("code" in result) return errorReply(result);
        const reply: TaskResultResponse = { status: "success", data: result };
        return { status: 200, body: reply };
      },
    },
  ];
}

function taskNotFound(id: string): ApiError {
  return { status: 404, code: "NOT_FOUND", message: `Task ${id} not found` };
}
