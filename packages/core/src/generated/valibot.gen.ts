// This file is generated from spec/ by @hey-api/openapi-ts (`pnpm generate`). Do not edit it by hand.

import * as v from 'valibot';

/**
 * Text description of what to generate, at most 300 characters.
 */
export const vPrompt = /* @__PURE__ */ v.pipe(/* @__PURE__ */ v.string(), /* @__PURE__ */ v.minLength(1), /* @__PURE__ */ v.maxLength(300));

/**
 * Seedream model that generates the image.
 */
export const vImageModel = /* @__PURE__ */ v.picklist([
    'seedream-3.0',
    'seedream-4.0',
    'seedream-4.5',
    'seedream-5.0'
]);

/**
 * Output resolution. `4k` is 4096×4096.
 */
export const vImageResolution = /* @__PURE__ */ v.picklist([
    '1024x1024',
    '2048x2048',
    '4k'
]);

/**
 * Generation quality.
 */
export const vImageQuality = /* @__PURE__ */ v.picklist(['standard', 'high']);

/**
 * HTTPS endpoint that receives the task's webhook events (`task.progress`, `task.completed`,
 * `task.failed`), signed per the Standard Webhooks scheme.
 *
 */
export const vWebhookUrl = /* @__PURE__ */ v.pipe(/* @__PURE__ */ v.string(), /* @__PURE__ */ v.url());

/**
 * Parameters of a Seedream image generation.
 */
export const vImageGenerationRequest = /* @__PURE__ */ v.strictObject({
    prompt: vPrompt,
    model: vImageModel,
    resolution: /* @__PURE__ */ v.optional(vImageResolution),
    quality: /* @__PURE__ */ v.optional(vImageQuality),
    num_images: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.pipe(/* @__PURE__ */ v.number(), /* @__PURE__ */ v.integer(), /* @__PURE__ */ v.minValue(1), /* @__PURE__ */ v.maxValue(4)), 1),
    seed: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.pipe(/* @__PURE__ */ v.number(), /* @__PURE__ */ v.integer())),
    style: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.pipe(/* @__PURE__ */ v.string(), /* @__PURE__ */ v.maxLength(64))),
    webhook_url: /* @__PURE__ */ v.optional(vWebhookUrl)
});

/**
 * Identifier of an asynchronous task.
 */
export const vTaskId = /* @__PURE__ */ v.pipe(/* @__PURE__ */ v.string(), /* @__PURE__ */ v.minLength(1), /* @__PURE__ */ v.maxLength(128), /* @__PURE__ */ v.regex(/^[A-Za-z0-9_-]+$/));

/**
 * One generated image.
 */
export const vImage = /* @__PURE__ */ v.object({
    id: /* @__PURE__ */ v.string(),
    url: /* @__PURE__ */ v.pipe(/* @__PURE__ */ v.string(), /* @__PURE__ */ v.url()),
    width: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.pipe(/* @__PURE__ */ v.number(), /* @__PURE__ */ v.integer())),
    height: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.pipe(/* @__PURE__ */ v.number(), /* @__PURE__ */ v.integer())),
    format: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.string()),
    size_bytes: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.pipe(/* @__PURE__ */ v.number(), /* @__PURE__ */ v.integer()))
});

/**
 * The images of a completed Seedream generation.
 */
export const vImageGenerationResult = /* @__PURE__ */ v.object({
    task_id: vTaskId,
    images: /* @__PURE__ */ v.pipe(/* @__PURE__ */ v.array(vImage), /* @__PURE__ */ v.minLength(1)),
    model: vImageModel,
    resolution: /* @__PURE__ */ v.optional(vImageResolution),
    processing_time_ms: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.pipe(/* @__PURE__ */ v.number(), /* @__PURE__ */ v.integer()))
});

/**
 * Envelope of a successful image generation.
 */
export const vImageGenerationResponse = /* @__PURE__ */ v.object({
    status: /* @__PURE__ */ v.picklist(['success']),
    data: vImageGenerationResult
});

/**
 * Machine-readable error code. `INVALID_REQUEST`/`INVALID_PROMPT` (400), `UNAUTHORIZED`/`INVALID_API_KEY`
 * (401), `FORBIDDEN` (403), `NOT_FOUND` (404), `TASK_NOT_COMPLETED` (409), `RATE_LIMITED` (429),
 * `INTERNAL_ERROR` (500), `SERVICE_UNAVAILABLE` (503). Clients must accept unknown codes.
 *
 */
export const vErrorCode = /* @__PURE__ */ v.picklist([
    'INVALID_REQUEST',
    'INVALID_PROMPT',
    'UNAUTHORIZED',
    'INVALID_API_KEY',
    'FORBIDDEN',
    'NOT_FOUND',
    'TASK_NOT_COMPLETED',
    'RATE_LIMITED',
    'INTERNAL_ERROR',
    'SERVICE_UNAVAILABLE'
]);

/**
 * Which input was rejected and why.
 */
export const vErrorDetails = /* @__PURE__ */ v.object({
    field: /* @__PURE__ */ v.string(),
    value: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.unknown()),
    constraint: /* @__PURE__ */ v.string(),
    limit: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.unknown())
});

/**
 * Envelope of every error response.
 */
export const vErrorResponse = /* @__PURE__ */ v.object({
    status: /* @__PURE__ */ v.picklist(['error']),
    error: /* @__PURE__ */ v.object({
        code: vErrorCode,
        message: /* @__PURE__ */ v.string(),
        details: /* @__PURE__ */ v.optional(vErrorDetails)
    })
});

/**
 * Seedance model that generates the video.
 */
export const vVideoModel = /* @__PURE__ */ v.picklist([
    'seedance-1.0',
    'seedance-1.5-pro',
    'seedance-2.0'
]);

/**
 * Output resolution of the video.
 */
export const vVideoResolution = /* @__PURE__ */ v.picklist([
    '720p',
    '1080p',
    '4k'
]);

/**
 * Parameters of a Seedance video generation.
 */
export const vVideoGenerationRequest = /* @__PURE__ */ v.strictObject({
    prompt: vPrompt,
    model: vVideoModel,
    duration: /* @__PURE__ */ v.pipe(/* @__PURE__ */ v.number(), /* @__PURE__ */ v.integer(), /* @__PURE__ */ v.minValue(5), /* @__PURE__ */ v.maxValue(30)),
    resolution: /* @__PURE__ */ v.optional(vVideoResolution),
    fps: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.picklist([
        24,
        30,
        60
    ])),
    image_input: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.pipe(/* @__PURE__ */ v.string(), /* @__PURE__ */ v.url())),
    webhook_url: /* @__PURE__ */ v.optional(vWebhookUrl)
});

/**
 * A video generation task that was accepted and queued.
 */
export const vVideoTask = /* @__PURE__ */ v.object({
    task_id: vTaskId,
    status: /* @__PURE__ */ v.picklist(['queued']),
    estimated_wait_time_seconds: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.pipe(/* @__PURE__ */ v.number(), /* @__PURE__ */ v.integer(), /* @__PURE__ */ v.minValue(0))),
    check_status_url: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.string())
});

/**
 * Envelope of an accepted video generation.
 */
export const vVideoGenerationResponse = /* @__PURE__ */ v.object({
    status: /* @__PURE__ */ v.picklist(['accepted']),
    data: vVideoTask
});

/**
 * Lifecycle of a task: `queued` → `processing` → `completed` or `failed`. Clients must treat an
 * unknown value (added in a later API version) as not yet terminal.
 *
 */
export const vTaskState = /* @__PURE__ */ v.picklist([
    'queued',
    'processing',
    'completed',
    'failed'
]);

/**
 * Completion percentage.
 */
export const vProgress = /* @__PURE__ */ v.pipe(/* @__PURE__ */ v.number(), /* @__PURE__ */ v.integer(), /* @__PURE__ */ v.minValue(0), /* @__PURE__ */ v.maxValue(100));

/**
 * The video of a completed task.
 */
export const vVideoResult = /* @__PURE__ */ v.object({
    video_url: /* @__PURE__ */ v.pipe(/* @__PURE__ */ v.string(), /* @__PURE__ */ v.url()),
    duration: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.pipe(/* @__PURE__ */ v.number(), /* @__PURE__ */ v.integer())),
    resolution: /* @__PURE__ */ v.optional(vVideoResolution)
});

/**
 * The current state of an asynchronous task.
 */
export const vTaskStatus = /* @__PURE__ */ v.object({
    task_id: vTaskId,
    status: vTaskState,
    progress: vProgress,
    created_at: /* @__PURE__ */ v.pipe(/* @__PURE__ */ v.string(), /* @__PURE__ */ v.isoTimestamp()),
    updated_at: /* @__PURE__ */ v.pipe(/* @__PURE__ */ v.string(), /* @__PURE__ */ v.isoTimestamp()),
    result: /* @__PURE__ */ v.optional(vVideoResult),
    error_message: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.string())
});

/**
 * Envelope of a task status.
 */
export const vTaskStatusResponse = /* @__PURE__ */ v.object({
    status: /* @__PURE__ */ v.picklist(['success']),
    data: vTaskStatus
});

/**
 * The final outcome of a finished task.
 */
export const vTaskResult = /* @__PURE__ */ v.object({
    task_id: vTaskId,
    status: /* @__PURE__ */ v.picklist(['completed', 'failed']),
    result: /* @__PURE__ */ v.optional(vVideoResult),
    error_message: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.string()),
    completed_at: /* @__PURE__ */ v.pipe(/* @__PURE__ */ v.string(), /* @__PURE__ */ v.isoTimestamp())
});

/**
 * Envelope of a task's final result.
 */
export const vTaskResultResponse = /* @__PURE__ */ v.object({
    status: /* @__PURE__ */ v.picklist(['success']),
    data: vTaskResult
});

/**
 * The task that a webhook event is about.
 */
export const vWebhookTaskData = /* @__PURE__ */ v.object({
    task_id: vTaskId,
    status: vTaskState,
    model: vVideoModel,
    progress: /* @__PURE__ */ v.optional(vProgress),
    result: /* @__PURE__ */ v.optional(vVideoResult),
    error_message: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.string())
});

/**
 * A task finished successfully; `data.result` holds the video.
 */
export const vTaskCompletedEvent = /* @__PURE__ */ v.object({
    event: /* @__PURE__ */ v.picklist(['task.completed']),
    timestamp: /* @__PURE__ */ v.pipe(/* @__PURE__ */ v.string(), /* @__PURE__ */ v.isoTimestamp()),
    data: vWebhookTaskData
});

/**
 * A task failed; `data.error_message` says why.
 */
export const vTaskFailedEvent = /* @__PURE__ */ v.object({
    event: /* @__PURE__ */ v.picklist(['task.failed']),
    timestamp: /* @__PURE__ */ v.pipe(/* @__PURE__ */ v.string(), /* @__PURE__ */ v.isoTimestamp()),
    data: vWebhookTaskData
});

/**
 * A running task made progress (optional event); `data.progress` is the percentage.
 */
export const vTaskProgressEvent = /* @__PURE__ */ v.object({
    event: /* @__PURE__ */ v.picklist(['task.progress']),
    timestamp: /* @__PURE__ */ v.pipe(/* @__PURE__ */ v.string(), /* @__PURE__ */ v.isoTimestamp()),
    data: vWebhookTaskData
});

/**
 * Makes the request safe to retry: a repeated key within 24 hours returns the first request's
 * result (same status and body) instead of generating and billing again. Use a fresh random value
 * (e.g. a UUID) per logical request and reuse it on every retry of that request.
 *
 */
export const vIdempotencyKey = /* @__PURE__ */ v.pipe(/* @__PURE__ */ v.string(), /* @__PURE__ */ v.minLength(1), /* @__PURE__ */ v.maxLength(255));

/**
 * Identifier of the task, as returned by `POST /v1/seedance/generate`.
 */
export const vTaskId2 = vTaskId;

/**
 * Unique id of the message; the same on every retry of it, so receivers can deduplicate.
 */
export const vWebhookId = /* @__PURE__ */ v.string();

/**
 * When the delivery attempt was signed, as unix seconds. Reject values more than 5 minutes from now (replay protection).
 */
export const vWebhookTimestamp = /* @__PURE__ */ v.pipe(/* @__PURE__ */ v.string(), /* @__PURE__ */ v.regex(/^[0-9]+$/));

/**
 * Space-separated signatures, each `v1,<base64>`: the base64 of HMAC-SHA256 over
 * `"{webhook-id}.{webhook-timestamp}.{raw body}"`, keyed with the base64-decoded part of the
 * endpoint's secret (`whsec_<base64>`). Several entries appear while a secret is being rotated;
 * a receiver accepts the message if any `v1` entry matches (compared in constant time) and ignores
 * other versions.
 *
 */
export const vWebhookSignature = /* @__PURE__ */ v.string();

export const vGenerateImageBody = vImageGenerationRequest;

export const vGenerateImageHeaders = /* @__PURE__ */ v.object({
    'Idempotency-Key': /* @__PURE__ */ v.optional(/* @__PURE__ */ v.pipe(/* @__PURE__ */ v.string(), /* @__PURE__ */ v.minLength(1), /* @__PURE__ */ v.maxLength(255)))
});

/**
 * The images were generated.
 */
export const vGenerateImageResponse = vImageGenerationResponse;

export const vGenerateVideoBody = vVideoGenerationRequest;

export const vGenerateVideoHeaders = /* @__PURE__ */ v.object({
    'Idempotency-Key': /* @__PURE__ */ v.optional(/* @__PURE__ */ v.pipe(/* @__PURE__ */ v.string(), /* @__PURE__ */ v.minLength(1), /* @__PURE__ */ v.maxLength(255)))
});

/**
 * The task was accepted and queued.
 */
export const vGenerateVideoResponse = vVideoGenerationResponse;

export const vGetTaskStatusPath = /* @__PURE__ */ v.object({
    task_id: vTaskId
});

/**
 * The task's current status.
 */
export const vGetTaskStatusResponse = vTaskStatusResponse;

export const vGetTaskResultPath = /* @__PURE__ */ v.object({
    task_id: vTaskId
});

/**
 * The task's final result.
 */
export const vGetTaskResultResponse = vTaskResultResponse;

export const vOnTaskCompletedWebhookRequest = /* @__PURE__ */ v.object({
    body: vTaskCompletedEvent,
    path: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.never()),
    query: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.never()),
    headers: /* @__PURE__ */ v.object({
        'webhook-id': /* @__PURE__ */ v.string(),
        'webhook-timestamp': /* @__PURE__ */ v.pipe(/* @__PURE__ */ v.string(), /* @__PURE__ */ v.regex(/^[0-9]+$/)),
        'webhook-signature': /* @__PURE__ */ v.string()
    })
});

export const vOnTaskFailedWebhookRequest = /* @__PURE__ */ v.object({
    body: vTaskFailedEvent,
    path: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.never()),
    query: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.never()),
    headers: /* @__PURE__ */ v.object({
        'webhook-id': /* @__PURE__ */ v.string(),
        'webhook-timestamp': /* @__PURE__ */ v.pipe(/* @__PURE__ */ v.string(), /* @__PURE__ */ v.regex(/^[0-9]+$/)),
        'webhook-signature': /* @__PURE__ */ v.string()
    })
});

export const vOnTaskProgressWebhookRequest = /* @__PURE__ */ v.object({
    body: vTaskProgressEvent,
    path: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.never()),
    query: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.never()),
    headers: /* @__PURE__ */ v.object({
        'webhook-id': /* @__PURE__ */ v.string(),
        'webhook-timestamp': /* @__PURE__ */ v.pipe(/* @__PURE__ */ v.string(), /* @__PURE__ */ v.regex(/^[0-9]+$/)),
        'webhook-signature': /* @__PURE__ */ v.string()
    })
});
