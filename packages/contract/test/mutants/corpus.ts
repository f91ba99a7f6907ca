// The corpus: plausible Seedance servers with exactly one defect each, covering every check class
// (schema-level and beyond). Each names the check expected to catch it. Shared by the test that
// asserts every one is caught and by `pnpm --filter @seedance/contract compare` (vs Schemathesis).
import type { CheckName } from "../../src/checks.ts";
import { type Defect, errorReply, type Json, type MutantReply, type MutantRequest } from "./server.ts";

export interface Mutant {
  name: string;
  /** The defect, in words. */
  defect: string;
  /** The check that should report it. */
  caughtBy: CheckName;
  /** Needs --sandbox to be provoked (a free-tier key's 429). */
  sandbox?: boolean;
  /** A fresh instance of the defect (mutants keep state per run). */
  make(context: { apiKey: string }): Defect;
}

const isImage = (request: MutantRequest) => request.method === "POST" && request.path === "/v1/seedream/generate";
const isVideo = (request: MutantRequest) => request.method === "POST" && request.path === "/v1/seedance/generate";
const isStatus = (request: MutantRequest) => request.method === "GET" && request.path.startsWith("/v1/tasks/");
const isResult = (request: MutantRequest) => request.method === "GET" && request.path.startsWith("/v1/results/");
const taskOf = (reply: MutantReply): Json => (reply.status === 200 ? reply.body?.data : undefined);

/** An `after` hook that changes the answers `when` picks. */
const edit =
  (
    when: (request: MutantRequest, reply: MutantReply) => unknown,
    change: (reply: MutantReply) => void,
  ): Defect["after"] =>
  (request, reply) => {
    if (when(request, reply)) change(reply);
    return undefined;
  };

/** `after` for the task status answers of processing tasks only. */
const whileProcessing =
  (change: (data: Json, request: MutantRequest) => void): Defect["after"] =>
  (request, reply) => {
    const data = taskOf(reply);
    if (isStatus(request) && data?.status === "processing") change(data, request);
    return undefined;
  };

export const MUTANTS: Mutant[] = [
  {
    name: "missing-envelope",
    defect: "an image answer is the bare data, without {status, data}",
    caughtBy: "response_schema_conformance",
    make: () => ({
      after: edit(
        (request, reply) => isImage(request) && reply.status === 200,
        (reply) => {
          reply.body = reply.body.data;
        },
      ),
    }),
  },
  {
    name: "wrong-type",
    defect: "a task's progress is a string",
    caughtBy: "response_schema_conformance",
    make: () => ({
      after: whileProcessing((data) => {
        data.progress = String(data.progress);
      }),
    }),
  },
  {
    name: "wrong-enum",
    defect: "a processing task says `running`",
    caughtBy: "response_schema_conformance",
    make: () => ({
      after: whileProcessing((data) => {
        data.status = "running";
      }),
    }),
  },
  {
    name: "missing-header",
    defect: "404 answers lack X-Request-Id",
    caughtBy: "response_headers_conformance",
    make: () => ({
      after: edit(
        (_request, reply) => reply.status === 404,
        (reply) => {
          delete reply.headers["x-request-id"];
        },
      ),
    }),
  },
  {
    name: "bad-date",
    defect: "created_at is `15/01/2024 10:30`, not RFC 3339",
    caughtBy: "response_schema_conformance",
    make: () => ({
      after: edit(
        (request, reply) => isStatus(request) && taskOf(reply),
        (reply) => {
          taskOf(reply).created_at = "15/01/2024 10:30";
        },
      ),
    }),
  },
  {
    name: "undocumented-status",
    defect: "invalid requests are 422, which the spec does not document",
    caughtBy: "status_code_conformance",
    make: () => ({
      after: edit(
        (_request, reply) => reply.status === 400,
        (reply) => {
          reply.status = 422;
        },
      ),
    }),
  },
  {
    name: "missing-401",
    defect: "any key, or none, is accepted",
    caughtBy: "auth_schemes",
    make: ({ apiKey }) => ({
      before: (request) => {
        delete request.headers["x-api-key"];
        request.headers.authorization = `Bearer ${apiKey}`;
        return undefined;
      },
    }),
  },
  {
    name: "relative-url",
    defect: "video_url is a relative URL",
    caughtBy: "response_schema_conformance",
    make: () => ({
      after: (_request, reply) => {
        const result = taskOf(reply)?.result;
        if (result?.video_url) result.video_url = new URL(result.video_url).pathname;
        return undefined;
      },
    }),
  },
  {
    name: "results-before-completion",
    defect: "a processing task already carries a result",
    caughtBy: "async_lifecycle",
    make: () => ({
      after: whileProcessing((data) => {
        data.result = { video_url: "https://cdn.example.com/videos/early.mp4" };
      }),
    }),
  },
  {
    name: "slow-answer",
    defect: "task status answers take 40 s",
    caughtBy: "response_time",
    make: () => ({ before: (request) => (isStatus(request) ? { delayMs: 40_000 } : undefined) }),
  },
  {
    name: "drop-on-boundary",
    defect: "a video of the maximum duration (30 s) drops the connection",
    caughtBy: "positive_data_acceptance",
    make: () => ({ before: (request) => (isVideo(request) && request.body?.duration === 30 ? "drop" : undefined) }),
  },
  {
    name: "500-without-body",
    defect: "four images (the maximum) crash the server: a 500 without a body",
    caughtBy: "positive_data_acceptance",
    make: () => ({
      before: (request) =>
        isImage(request) && request.body?.num_images === 4 ? { status: 500, headers: {}, body: "" } : undefined,
    }),
  },
  {
    name: "one-auth-header",
    defect: "only Authorization: Bearer works; X-API-Key is ignored",
    caughtBy: "auth_schemes",
    make: () => ({
      before: (request) => {
        delete request.headers["x-api-key"];
        return undefined;
      },
    }),
  },
  {
    name: "ignores-idempotency-key",
    defect: "Idempotency-Key is ignored: a retry generates (and bills) again",
    caughtBy: "idempotent_replay",
    make: () => ({
      before: (request) => {
        delete request.headers["idempotency-key"];
        return undefined;
      },
    }),
  },
  {
    name: "replays-other-body",
    defect: "a reused Idempotency-Key with another body gets the first answer instead of a 400",
    caughtBy: "idempotent_replay",
    make: () => {
      const first = new Map<string, MutantReply>();
      return {
        before: (request) => first.get(`${request.path} ${request.headers["idempotency-key"]}`),
        after: (request, reply) => {
          const key = request.headers["idempotency-key"];
          if (key && reply.status < 300) first.set(`${request.path} ${key}`, structuredClone(reply));
          return undefined;
        },
      };
    },
  },
  {
    name: "wrong-error-code",
    defect: "an unknown task is a 404 with code INVALID_REQUEST (a 400 code)",
    caughtBy: "error_code_for_status",
    make: () => ({
      after: edit(
        (_request, reply) => reply.status === 404,
        (reply) => {
          reply.body.error.code = "INVALID_REQUEST";
        },
      ),
    }),
  },
  {
    name: "ignores-num-images",
    defect: "num_images is ignored: always one image",
    caughtBy: "response_reflects_request",
    make: () => ({
      before: (request) => {
        if (isImage(request)) delete request.body?.num_images;
        return undefined;
      },
    }),
  },
  {
    name: "ignores-model",
    defect: "the image answer always names seedream-4.0",
    caughtBy: "response_reflects_request",
    make: () => ({
      after: edit(
        (request, reply) => isImage(request) && taskOf(reply),
        (reply) => {
          taskOf(reply).model = "seedream-4.0";
        },
      ),
    }),
  },
  {
    name: "ignores-duration",
    defect: "videos are always 15 s, whatever duration was asked",
    caughtBy: "response_reflects_request",
    make: () => ({
      before: (request) => {
        if (isVideo(request) && request.body) request.body.duration = 15;
        return undefined;
      },
    }),
  },
  {
    name: "progress-backwards",
    defect: "progress counts down while processing",
    caughtBy: "async_lifecycle",
    make: () => ({
      after: whileProcessing((data) => {
        data.progress = 100 - data.progress;
      }),
    }),
  },
  {
    name: "state-regresses",
    defect: "every other poll of a processing task says queued",
    caughtBy: "async_lifecycle",
    make: () => {
      let polls = 0;
      return {
        after: whileProcessing((data) => {
          if (polls++ % 2 === 1) data.status = "queued";
        }),
      };
    },
  },
  {
    name: "terminal-not-terminal",
    defect: "a completed task is processing again on the next poll",
    caughtBy: "async_lifecycle",
    make: () => {
      const seen = new Set<string>();
      return {
        after: (request, reply) => {
          const data = taskOf(reply);
          if (!isStatus(request) || data?.status !== "completed") return undefined;
          if (seen.has(request.path)) {
            data.status = "processing";
            data.progress = 90;
            delete data.result;
          }
          seen.add(request.path);
          return undefined;
        },
      };
    },
  },
  {
    name: "result-unreachable",
    defect: "a completed task's result is a 404",
    caughtBy: "async_lifecycle",
    make: () => ({
      after: (request, reply) =>
        isResult(request) && reply.status === 200
          ? errorReply(404, "NOT_FOUND", "Task not found", reply.headers)
          : undefined,
    }),
  },
  {
    name: "no-409",
    defect: "the result of an unfinished task is a 404 instead of 409",
    caughtBy: "task_not_completed",
    make: () => ({
      after: (_request, reply) =>
        reply.status === 409 ? errorReply(404, "NOT_FOUND", "Task not found", reply.headers) : undefined,
    }),
  },
  {
    name: "retry-after-inconsistent",
    defect: "a 429's Retry-After says 1 s while X-RateLimit-RetryAfter says the hour",
    caughtBy: "rate_limit_semantics",
    sandbox: true,
    make: () => ({
      after: edit(
        (_request, reply) => reply.status === 429,
        (reply) => {
          reply.headers["retry-after"] = "1";
        },
      ),
    }),
  },
  {
    name: "remaining-over-limit",
    defect: "X-RateLimit-Remaining is above X-RateLimit-Limit",
    caughtBy: "rate_limit_semantics",
    make: () => ({
      after: (_request, reply) => {
        const limit = Number(reply.headers["x-ratelimit-limit"]);
        if (Number.isInteger(limit)) reply.headers["x-ratelimit-remaining"] = String(limit + 5);
        return undefined;
      },
    }),
  },
  {
    name: "accepts-overlong-prompt",
    defect: "a prompt over the limit is cut to fit instead of refused",
    caughtBy: "negative_data_rejection",
    make: () => ({
      before: (request) => {
        if (typeof request.body?.prompt === "string") request.body.prompt = request.body.prompt.slice(0, 300);
        return undefined;
      },
    }),
  },
  {
    name: "wrong-content-type",
    defect: "task status answers come as text/plain",
    caughtBy: "content_type_conformance",
    make: () => ({
      after: edit(isStatus, (reply) => {
        reply.headers["content-type"] = "text/plain";
      }),
    }),
  },
  {
    name: "error-without-envelope",
    defect: '401 answers are {"error": "unauthorized"}',
    caughtBy: "response_schema_conformance",
    make: () => ({
      after: edit(
        (_request, reply) => reply.status === 401,
        (reply) => {
          reply.body = { error: "unauthorized" };
        },
      ),
    }),
  },
];
