// This file is generated from spec/ by @hey-api/openapi-ts (`pnpm generate`). Do not edit it by hand.

export type ClientOptions = {
    baseUrl: 'https://api.seedance2api.com' | (string & {});
};

export type Webhooks = OnTaskCompletedWebhookRequest | OnTaskFailedWebhookRequest | OnTaskProgressWebhookRequest;

/**
 * Text description of what to generate, at most 300 characters.
 */
export type Prompt = string;

/**
 * Seedream model that generates the image.
 */
export type ImageModel = 'seedream-3.0' | 'seedream-4.0' | 'seedream-4.5' | 'seedream-5.0';

/**
 * Output resolution. `4k` is 4096×4096.
 */
export type ImageResolution = '1024x1024' | '2048x2048' | '4k';

/**
 * Generation quality.
 */
export type ImageQuality = 'standard' | 'high';

/**
 * HTTPS endpoint that receives the task's webhook events (`task.progress`, `task.completed`,
 * `task.failed`), signed per the Standard Webhooks scheme.
 *
 */
export type WebhookUrl = string;

/**
 * Parameters of a Seedream image generation.
 */
export type ImageGenerationRequest = {
    prompt: Prompt;
    model: ImageModel;
    resolution?: ImageResolution;
    quality?: ImageQuality;
    /**
     * Number of images to generate.
     */
    num_images?: number;
    /**
     * Random seed; the same seed and parameters reproduce the same images.
     */
    seed?: number;
    /**
     * Artistic style. Known values: `oil_painting`, `watercolor`, `cyberpunk`; the service may
     * accept more, so this is an open string rather than an enum.
     *
     */
    style?: string;
    webhook_url?: WebhookUrl;
};

/**
 * Identifier of an asynchronous task.
 */
export type TaskId = string;

/**
 * One generated image.
 */
export type Image = {
    /**
     * Identifier of the image.
     */
    id: string;
    /**
     * Download URL of the image (kept for 30 days).
     */
    url: string;
    /**
     * Width in pixels.
     */
    width?: number;
    /**
     * Height in pixels.
     */
    height?: number;
    /**
     * File format, e.g. `png`.
     */
    format?: string;
    /**
     * File size in bytes.
     */
    size_bytes?: number;
};

/**
 * The images of a completed Seedream generation.
 */
export type ImageGenerationResult = {
    task_id: TaskId;
    /**
     * The generated images, `num_images` of them.
     */
    images: Array<Image>;
    model: ImageModel;
    resolution?: ImageResolution;
    /**
     * Time the generation took, in milliseconds.
     */
    processing_time_ms?: number;
};

/**
 * Envelope of a successful image generation.
 */
export type ImageGenerationResponse = {
    status: 'success';
    data: ImageGenerationResult;
};

/**
 * Machine-readable error code. `INVALID_REQUEST`/`INVALID_PROMPT` (400), `UNAUTHORIZED`/`INVALID_API_KEY`
 * (401), `FORBIDDEN` (403), `NOT_FOUND` (404), `TASK_NOT_COMPLETED` (409), `RATE_LIMITED` (429),
 * `INTERNAL_ERROR` (500), `SERVICE_UNAVAILABLE` (503). Clients must accept unknown codes.
 *
 */
export type ErrorCode = 'INVALID_REQUEST' | 'INVALID_PROMPT' | 'UNAUTHORIZED' | 'INVALID_API_KEY' | 'FORBIDDEN' | 'NOT_FOUND' | 'TASK_NOT_COMPLETED' | 'RATE_LIMITED' | 'INTERNAL_ERROR' | 'SERVICE_UNAVAILABLE';

/**
 * Which input was rejected and why.
 */
export type ErrorDetails = {
    /**
     * The offending request field.
     */
    field: string;
    /**
     * The rejected value (possibly truncated).
     */
    value?: unknown;
    /**
     * The violated constraint, e.g. `max_length`, `minimum`, `enum`, `required`.
     */
    constraint: string;
    /**
     * The constraint's limit, e.g. `300` or the allowed values.
     */
    limit?: unknown;
};

/**
 * Envelope of every error response.
 */
export type ErrorResponse = {
    status: 'error';
    /**
     * The error.
     */
    error: {
        code: ErrorCode;
        /**
         * Human-readable explanation.
         */
        message: string;
        details?: ErrorDetails;
    };
};

/**
 * Seedance model that generates the video.
 */
export type VideoModel = 'seedance-1.0' | 'seedance-1.5-pro' | 'seedance-2.0';

/**
 * Output resolution of the video.
 */
export type VideoResolution = '720p' | '1080p' | '4k';

/**
 * Parameters of a Seedance video generation.
 */
export type VideoGenerationRequest = {
    prompt: Prompt;
    model: VideoModel;
    /**
     * Length of the video in seconds.
     */
    duration: number;
    resolution?: VideoResolution;
    /**
     * Frames per second.
     */
    fps?: 24 | 30 | 60;
    /**
     * URL of a reference image, for image-to-video generation.
     */
    image_input?: string;
    webhook_url?: WebhookUrl;
};

/**
 * A video generation task that was accepted and queued.
 */
export type VideoTask = {
    task_id: TaskId;
    /**
     * Always `queued` when the task is accepted.
     */
    status: 'queued';
    /**
     * Estimated seconds until the task completes; a good first polling delay.
     */
    estimated_wait_time_seconds?: number;
    /**
     * Relative URL of the task's status endpoint.
     */
    check_status_url?: string;
};

/**
 * Envelope of an accepted video generation.
 */
export type VideoGenerationResponse = {
    status: 'accepted';
    data: VideoTask;
};

/**
 * Lifecycle of a task: `queued` → `processing` → `completed` or `failed`. Clients must treat an
 * unknown value (added in a later API version) as not yet terminal.
 *
 */
export type TaskState = 'queued' | 'processing' | 'completed' | 'failed';

/**
 * Completion percentage.
 */
export type Progress = number;

/**
 * The video of a completed task.
 */
export type VideoResult = {
    /**
     * Download URL of the video (kept for 30 days).
     */
    video_url: string;
    /**
     * Length of the video in seconds.
     */
    duration?: number;
    resolution?: VideoResolution;
};

/**
 * The current state of an asynchronous task.
 */
export type TaskStatus = {
    task_id: TaskId;
    status: TaskState;
    progress: Progress;
    /**
     * When the task was created.
     */
    created_at: string;
    /**
     * When the task last changed.
     */
    updated_at: string;
    result?: VideoResult;
    /**
     * Why the task failed; present only when `status` is `failed`.
     */
    error_message?: string;
};

/**
 * Envelope of a task status.
 */
export type TaskStatusResponse = {
    status: 'success';
    data: TaskStatus;
};

/**
 * The final outcome of a finished task.
 */
export type TaskResult = {
    task_id: TaskId;
    /**
     * Terminal state of the task.
     */
    status: 'completed' | 'failed';
    result?: VideoResult;
    /**
     * Why the task failed; present only when `status` is `failed`.
     */
    error_message?: string;
    /**
     * When the task finished.
     */
    completed_at: string;
};

/**
 * Envelope of a task's final result.
 */
export type TaskResultResponse = {
    status: 'success';
    data: TaskResult;
};

/**
 * The task that a webhook event is about.
 */
export type WebhookTaskData = {
    task_id: TaskId;
    status: TaskState;
    model: VideoModel;
    progress?: Progress;
    result?: VideoResult;
    /**
     * Why the task failed (`task.failed` only).
     */
    error_message?: string;
};

/**
 * A task finished successfully; `data.result` holds the video.
 */
export type TaskCompletedEvent = {
    event: 'task.completed';
    /**
     * When the event happened.
     */
    timestamp: string;
    data: WebhookTaskData;
};

/**
 * A task failed; `data.error_message` says why.
 */
export type TaskFailedEvent = {
    event: 'task.failed';
    /**
     * When the event happened.
     */
    timestamp: string;
    data: WebhookTaskData;
};

/**
 * A running task made progress (optional event); `data.progress` is the percentage.
 */
export type TaskProgressEvent = {
    event: 'task.progress';
    /**
     * When the event happened.
     */
    timestamp: string;
    data: WebhookTaskData;
};

/**
 * Makes the request safe to retry: a repeated key within 24 hours returns the first request's
 * result (same status and body) instead of generating and billing again. Use a fresh random value
 * (e.g. a UUID) per logical request and reuse it on every retry of that request.
 *
 */
export type IdempotencyKey = string;

/**
 * Identifier of the task, as returned by `POST /v1/seedance/generate`.
 */
export type TaskId2 = TaskId;

/**
 * Unique id of the message; the same on every retry of it, so receivers can deduplicate.
 */
export type WebhookId = string;

/**
 * When the delivery attempt was signed, as unix seconds. Reject values more than 5 minutes from now (replay protection).
 */
export type WebhookTimestamp = string;

/**
 * Space-separated signatures, each `v1,<base64>`: the base64 of HMAC-SHA256 over
 * `"{webhook-id}.{webhook-timestamp}.{raw body}"`, keyed with the base64-decoded part of the
 * endpoint's secret (`whsec_<base64>`). Several entries appear while a secret is being rotated;
 * a receiver accepts the message if any `v1` entry matches (compared in constant time) and ignores
 * other versions.
 *
 */
export type WebhookSignature = string;

export type GenerateImageData = {
    body: ImageGenerationRequest;
    headers?: {
        /**
         * Makes the request safe to retry: a repeated key within 24 hours returns the first request's
         * result (same status and body) instead of generating and billing again. Use a fresh random value
         * (e.g. a UUID) per logical request and reuse it on every retry of that request.
         *
         */
        'Idempotency-Key'?: string;
    };
    path?: never;
    query?: never;
    url: '/v1/seedream/generate';
};

export type GenerateImageErrors = {
    /**
     * The request is invalid; `error.details` names the field, its value, the constraint and its limit.
     */
    400: ErrorResponse;
    /**
     * The API key is missing, invalid or expired.
     */
    401: ErrorResponse;
    /**
     * The key may not use this resource (e.g. the model is not in the plan); upgrade or contact support.
     */
    403: ErrorResponse;
    /**
     * Over the key's hourly quota; wait `Retry-After` seconds before retrying.
     */
    429: ErrorResponse;
    /**
     * An unexpected server error; retry later with backoff or contact support.
     */
    500: ErrorResponse;
    /**
     * The service is temporarily overloaded or in maintenance; retry with exponential backoff.
     */
    503: ErrorResponse;
};

export type GenerateImageError = GenerateImageErrors[keyof GenerateImageErrors];

export type GenerateImageResponses = {
    /**
     * The images were generated.
     */
    200: ImageGenerationResponse;
};

export type GenerateImageResponse = GenerateImageResponses[keyof GenerateImageResponses];

export type GenerateVideoData = {
    body: VideoGenerationRequest;
    headers?: {
        /**
         * Makes the request safe to retry: a repeated key within 24 hours returns the first request's
         * result (same status and body) instead of generating and billing again. Use a fresh random value
         * (e.g. a UUID) per logical request and reuse it on every retry of that request.
         *
         */
        'Idempotency-Key'?: string;
    };
    path?: never;
    query?: never;
    url: '/v1/seedance/generate';
};

export type GenerateVideoErrors = {
    /**
     * The request is invalid; `error.details` names the field, its value, the constraint and its limit.
     */
    400: ErrorResponse;
    /**
     * The API key is missing, invalid or expired.
     */
    401: ErrorResponse;
    /**
     * The key may not use this resource (e.g. the model is not in the plan); upgrade or contact support.
     */
    403: ErrorResponse;
    /**
     * Over the key's hourly quota; wait `Retry-After` seconds before retrying.
     */
    429: ErrorResponse;
    /**
     * An unexpected server error; retry later with backoff or contact support.
     */
    500: ErrorResponse;
    /**
     * The service is temporarily overloaded or in maintenance; retry with exponential backoff.
     */
    503: ErrorResponse;
};

export type GenerateVideoError = GenerateVideoErrors[keyof GenerateVideoErrors];

export type GenerateVideoResponses = {
    /**
     * The task was accepted and queued.
     */
    202: VideoGenerationResponse;
};

export type GenerateVideoResponse = GenerateVideoResponses[keyof GenerateVideoResponses];

export type GetTaskStatusData = {
    body?: never;
    path: {
        /**
         * Identifier of the task, as returned by `POST /v1/seedance/generate`.
         */
        task_id: TaskId;
    };
    query?: never;
    url: '/v1/tasks/{task_id}';
};

export type GetTaskStatusErrors = {
    /**
     * The request is invalid; `error.details` names the field, its value, the constraint and its limit.
     */
    400: ErrorResponse;
    /**
     * The API key is missing, invalid or expired.
     */
    401: ErrorResponse;
    /**
     * The key may not use this resource (e.g. the model is not in the plan); upgrade or contact support.
     */
    403: ErrorResponse;
    /**
     * No task with this id exists for this key (or it is older than the 30-day retention).
     */
    404: ErrorResponse;
    /**
     * Over the key's hourly quota; wait `Retry-After` seconds before retrying.
     */
    429: ErrorResponse;
    /**
     * An unexpected server error; retry later with backoff or contact support.
     */
    500: ErrorResponse;
    /**
     * The service is temporarily overloaded or in maintenance; retry with exponential backoff.
     */
    503: ErrorResponse;
};

export type GetTaskStatusError = GetTaskStatusErrors[keyof GetTaskStatusErrors];

export type GetTaskStatusResponses = {
    /**
     * The task's current status.
     */
    200: TaskStatusResponse;
};

export type GetTaskStatusResponse = GetTaskStatusResponses[keyof GetTaskStatusResponses];

export type GetTaskResultData = {
    body?: never;
    path: {
        /**
         * Identifier of the task, as returned by `POST /v1/seedance/generate`.
         */
        task_id: TaskId;
    };
    query?: never;
    url: '/v1/results/{task_id}';
};

export type GetTaskResultErrors = {
    /**
     * The request is invalid; `error.details` names the field, its value, the constraint and its limit.
     */
    400: ErrorResponse;
    /**
     * The API key is missing, invalid or expired.
     */
    401: ErrorResponse;
    /**
     * The key may not use this resource (e.g. the model is not in the plan); upgrade or contact support.
     */
    403: ErrorResponse;
    /**
     * No task with this id exists for this key (or it is older than the 30-day retention).
     */
    404: ErrorResponse;
    /**
     * The task is still queued or processing; poll its status or wait for the webhook.
     */
    409: ErrorResponse;
    /**
     * Over the key's hourly quota; wait `Retry-After` seconds before retrying.
     */
    429: ErrorResponse;
    /**
     * An unexpected server error; retry later with backoff or contact support.
     */
    500: ErrorResponse;
    /**
     * The service is temporarily overloaded or in maintenance; retry with exponential backoff.
     */
    503: ErrorResponse;
};

export type GetTaskResultError = GetTaskResultErrors[keyof GetTaskResultErrors];

export type GetTaskResultResponses = {
    /**
     * The task's final result.
     */
    200: TaskResultResponse;
};

export type GetTaskResultResponse = GetTaskResultResponses[keyof GetTaskResultResponses];

export type OnTaskCompletedWebhookPayload = TaskCompletedEvent;

export type OnTaskCompletedWebhookRequest = {
    body: OnTaskCompletedWebhookPayload;
    key: 'task.completed';
    path?: never;
    query?: never;
};

export type OnTaskFailedWebhookPayload = TaskFailedEvent;

export type OnTaskFailedWebhookRequest = {
    body: OnTaskFailedWebhookPayload;
    key: 'task.failed';
    path?: never;
    query?: never;
};

export type OnTaskProgressWebhookPayload = TaskProgressEvent;

export type OnTaskProgressWebhookRequest = {
    body: OnTaskProgressWebhookPayload;
    key: 'task.progress';
    path?: never;
    query?: never;
};
