// seedance.video(modelId): Seedance through `experimental_generateVideo`, as the asynchronous
// start/status flow: doStart queues a task, doStatus reads it, handleWebhookOption waits on webhooks.
import {
  InvalidArgumentError,
  type JSONValue,
  type SharedV4Warning,
  type Experimental_VideoModelV4 as VideoModelV4,
  type Experimental_VideoModelV4CallOptions as VideoModelV4CallOptions,
  type Experimental_VideoModelV4OperationStartResult as VideoModelV4OperationStartResult,
  type Experimental_VideoModelV4OperationStatusResult as VideoModelV4OperationStatusResult,
} from "@ai-sdk/provider";
import type { TaskStatus, VideoGenerationParams, VideoModel } from "@seedance/core";
import { callAPI } from "./call.js";
import type { ProviderConfig } from "./config.js";
import { videoRequest } from "./video-options.js";
import type { WebhookDeliveries } from "./webhook.js";

/** A Seedance model id; a newer one than this SDK knows passes through as a string. */
export type SeedanceVideoModelId = VideoModel | (string & {});

const VIDEO_PATH = "/v1/seedance/generate";
/** What the API delivers; its URLs name MP4 files. */
const VIDEO_MEDIA_TYPE = "video/mp4";

type StatusOptions = Parameters<NonNullable<VideoModelV4["doStatus"]>>[0];
type WebhookOption = Parameters<NonNullable<VideoModelV4["handleWebhookOption"]>>[0];

export class SeedanceVideoModel implements VideoModelV4 {
  readonly specificationVersion = "v4";
  /** One task makes one video; `ai` starts one task per requested video. */
  readonly maxVideosPerCall = 1;
  readonly modelId: SeedanceVideoModelId;
  readonly #config: ProviderConfig;
  readonly #webhooks: WebhookDeliveries;

  constructor(modelId: SeedanceVideoModelId, config: ProviderConfig, webhooks: WebhookDeliveries) {
    this.modelId = modelId;
    this.#config = config;
    this.#webhooks = webhooks;
  }

  get provider(): string {
    return `${this.#config.provider}.video`;
  }

  handleWebhookOption = (options: WebhookOption) => this.#webhooks.handle(options.webhook);

  async doStart(options: VideoModelV4CallOptions & { webhookUrl?: string }): Promise<VideoModelV4OperationStartResult> {
    const { params, warnings } = videoRequest(options);
    const body = { ...params, model: this.modelId } as VideoGenerationParams;
    // `ai` sends one Idempotency-Key per logical start and repeats it on its retries; without one,
    // core makes one per call, shared by its own retries.
    const { data, requestId, timestamp, responseHeaders } = await callAPI(
      this.#config,
      { path: VIDEO_PATH, body, headers: options.headers, abortSignal: options.abortSignal },
      (client, request) => client.seedance.generate(body, request),
    );
    if (options.webhookUrl !== undefined) this.#webhooks.started(options.webhookUrl, data.taskId, options.abortSignal);
    return {
      operation: data.taskId,
      warnings,
      providerMetadata: {
        seedance: {
          taskId: data.taskId,
          ...(data.estimatedWaitTimeSeconds === undefined
            ? {}
            : { estimatedWaitTimeSeconds: data.estimatedWaitTimeSeconds }),
          ...(requestId === undefined ? {} : { requestId }),
        },
      },
      response: { timestamp, modelId: this.modelId, headers: responseHeaders },
    };
  }

  async doStatus(options: StatusOptions): Promise<VideoModelV4OperationStatusResult> {
    const taskId = options.operation;
    if (typeof taskId !== "string") {
      throw new InvalidArgumentError({
        argument: "operation",
        message: `A Seedance operation is the task id string that doStart returned, got ${JSON.stringify(taskId)}.`,
      });
    }
    const path = `/v1/tasks/${encodeURIComponent(taskId)}`;
    const { data, requestId, timestamp, responseHeaders } = await callAPI(
      this.#config,
      { path, headers: options.headers, abortSignal: options.abortSignal },
      (client, request) => client.task.getStatus(taskId, request),
    );
    const warnings: SharedV4Warning[] = this.#webhooks.takeWarnings(taskId);
    const common = {
      providerMetadata: { seedance: statusMetadata(data, requestId) },
      response: { timestamp, modelId: this.modelId, headers: responseHeaders },
    };
    switch (data.status) {
      case "completed":
        if (data.result === undefined) {
          return { status: "error", error: `Seedance task ${taskId} completed without a video URL.`, ...common };
        }
        return {
          status: "completed",
          videos: [{ type: "url", url: data.result.videoUrl, mediaType: VIDEO_MEDIA_TYPE }],
          warnings,
          ...common,
        };
      case "failed":
        return {
          status: "error",
          // The task's own words, sanitised: `ai` puts them into the error it throws.
          error: data.errorMessage ? this.#config.redact(data.errorMessage) : `Seedance task ${taskId} failed.`,
          ...common,
        };
      default:
        // queued, processing, and any state newer than this SDK: still running.
        return { status: "pending", warnings, ...common };
    }
  }
}

function statusMetadata(status: TaskStatus, requestId: string | undefined): Record<string, JSONValue> {
  const { result } = status;
  return {
    taskId: status.taskId,
    status: status.status,
    progress: status.progress,
    ...(result === undefined
      ? {}
      : {
          videos: [
            {
              url: result.videoUrl,
              ...(result.duration === undefined ? {} : { duration: result.duration }),
              ...(result.resolution === undefined ? {} : { resolution: result.resolution }),
            },
          ],
        }),
    ...(requestId === undefined ? {} : { requestId }),
  };
}
