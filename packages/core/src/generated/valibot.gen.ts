// This file is generated from spec/ by @hey-api/openapi-ts (`pnpm generate`). Do not edit it by hand.

import * as v from 'valibot';

/**
 * Text description of what to generate, at most 300 characters.
 */
export const vPrompt = v.pipe(v.string(), v.minLength(1), v.maxLength(300));

/**
 * Seedream model that generates the image.
 */
export const vImageModel = v.picklist([
    'seedream-3.0',
    'seedream-4.0',
    'seedream-4.5',
    'seedream-5.0'
]);

/**
 * Output resolution. `4k` is 4096×4096.
 */
export const vImageResolution = v.picklist([
    '1024x1024',
    '2048x2048',
    '4k'
]);

/**
 * Generation quality.
 */
export const vImageQuality = v.picklist(['standard', 'high']);

/**
 * HTTPS endpoint that receives the task's webhook events (`task.progress`, `task.completed`,
 * `task.failed`), signed per the Standard Webhooks scheme.
 *
 */
export const vWebhookUrl = v.pipe(v.string(), v.url());

/**
 * Parameters of a Seedream image generation.
 */
export const vImageGenerationRequest = v.strictObject({
    prompt: vPrompt,
    model: vImageModel,
    resolution: v.optional(vImageResolution),
    quality: v.optional(vImageQuality),
    num_images: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(4)), 1),
    seed: v.optional(v.pipe(v.number(), v.integer())),
    style: v.optional(v.pipe(v.string(), v.maxLength(64))),
    webhook_url: v.optional(vWebhookUrl)
});

/**
 * Identifier of an asynchronous task.
 */
export const vTaskId = v.pipe(v.string(), v.minLength(1), v.maxLength(128), v.regex(/^[A-Za-z0-9_-]+$/));

/**
 * One generated image.
 */
export const vImage = v.object({
    id: v.string(),
    url: v.pipe(v.string(), v.url()),
    width: v.optional(v.pipe(v.number(), v.integer())),
    height: v.optional(v.pipe(v.number(), v.integer())),
    format: v.optional(v.string()),
    size_bytes: v.optional(v.pipe(v.number(), v.integer()))
});

/**
 * The images of a completed Seedream generation.
 */
export const vImageGenerationResult = v.object({
    task_id: vTaskId,
    images: v.pipe(v.array(vImage), v.minLength(1)),
    model: vImageModel,
    resolution: v.optional(vImageResolution),
    processing_time_ms: v.optional(v.pipe(v.number(), v.integer()))
});

/**
 * Envelope of a successful image generation.
 */
export const vImageGenerationResponse = v.object({
    status: v.picklist(['success']),
    data: vImageGenerationResult
});

/**
 * Machine-readable error code. `INVALID_REQUEST`/`INVALID_PROMPT` (400), `UNAUTHORIZED`/`INVALID_API_KEY`
 * (401), `FORBIDDEN` (403), `NOT_FOUND` (404), `TASK_NOT_COMPLETED` (409), `RATE_LIMITED` (429),
 * `INTERNAL_ERROR` (500), `SERVICE_UNAVAILABLE` (503). Clients must accept unknown codes.
 *
 */
export const vErrorCode = v.picklist([
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
export const vErrorDetails = v.object({
    field: v.string(),
    value: v.optional(v.unknown()),
    constraint: v.string(),
    limit: v.optional(v.unknown())
});

/**
 * Envelope of every error response.
 */
export const vErrorResponse = v.object({
    status: v.picklist(['error']),
    error: v.object({
        code: vErrorCode,
        message: v.string(),
        details: v.optional(vErrorDetails)
    })
});

/**
 * Seedance model that generates the video.
 */
export const vVideoModel = v.picklist([
    'seedance-1.0',
    'seedance-1.5-pro',
    'seedance-2.0'
]);

/**
 * Output resolution of the video.
 */
export const vVideoResolution = v.picklist([
    '720p',
    '1080p',
    '4k'
]);

/**
 * Parameters of a Seedance video generation.
 */
export const vVideoGenerationRequest = v.strictObject({
    prompt: vPrompt,
    model: vVideoModel,
    duration: v.pipe(v.number(), v.integer(), v.minValue(5), v.maxValue(30)),
    resolution: v.optional(vVideoResolution),
    fps: v.optional(v.picklist([
        24,
        30,
        60
    ])),
    image_input: v.optional(v.pipe(v.string(), v.url())),
    webhook_url: v.optional(vWebhookUrl)
});

/**
 * A video generation task that was accepted and queued.
 */
export const vVideoTask = v.object({
    task_id: vTaskId,
    status: v.picklist(['queued']),
    estimated_wait_time_seconds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
    check_status_url: v.optional(v.string())
});

/**
 * Envelope of an accepted video generation.
 */
export const vVideoGenerationResponse = v.object({
    status: v.picklist(['accepted']),
    data: vVideoTask
});

/**
 * Lifecycle of a task: `queued` → `processing` → `completed` or `failed`. Clients must treat an
 * unknown value (added in a later API version) as not yet terminal.
 *
 */
export const vTaskState = v.picklist([
    'queued',
    'processing',
    'completed',
    'failed'
]);

/**
 * Completion percentage.
 */
export const vProgress = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100));

/**
 * The video of a completed task.
 */
export const vVideoResult = v.object({
    video_url: v.pipe(v.string(), v.url()),
    duration: v.optional(v.pipe(v.number(), v.integer())),
    resolution: v.optional(vVideoResolution)
});

/**
 * The current state of an asynchronous task.
 */
export const vTaskStatus = v.object({
    task_id: vTaskId,
    status: vTaskState,
    progress: vProgress,
    created_at: v.pipe(v.string(), v.isoTimestamp()),
    updated_at: v.pipe(v.string(), v.isoTimestamp()),
    result: v.optional(vVideoResult),
    error_message: v.optional(v.string())
});

/**
 * Envelope of a task status.
 */
export const vTaskStatusResponse = v.object({
    status: v.picklist(['success']),
    data: vTaskStatus
});

/**
 * The final outcome of a finished task.
 */
export const vTaskResult = v.object({
    task_id: vTaskId,
    status: v.picklist(['completed', 'failed']),
    result: v.optional(vVideoResult),
    error_message: v.optional(v.string()),
    completed_at: v.pipe(v.string(), v.isoTimestamp())
});

/**
 * Envelope of a task's final result.
 */
export const vTaskResultResponse = v.object({
    status: v.picklist(['success']),
    data: vTaskResult
});

/**
 * The task that a webhook event is about.
 */
export const vWebhookTaskData = v.object({
    task_id: vTaskId,
    status: vTaskState,
    model: vVideoModel,
    progress: v.optional(vProgress),
    result: v.optional(vVideoResult),
    error_message: v.optional(v.string())
});

/**
 * A task finished successfully; `data.result` holds the video.
 */
export const vTaskCompletedEvent = v.object({
    event: v.picklist(['task.completed']),
    timestamp: v.pipe(v.string(), v.isoTimestamp()),
    data: vWebhookTaskData
});

/**
 * A task failed; `data.error_message` says why.
 */
export const vTaskFailedEvent = v.object({
    event: v.picklist(['task.failed']),
    timestamp: v.pipe(v.string(), v.isoTimestamp()),
    data: vWebhookTaskData
});

/**
 * A running task made progress (optional event); `data.progress` is the percentage.
 */
export const vTaskProgressEvent = v.object({
    event: v.picklist(['task.progress']),
    timestamp: v.pipe(v.string(), v.isoTimestamp()),
    data: vWebhookTaskData
});

/**
 * Makes the request safe to retry: a repeated key within 24 hours returns the first request's
 * result (same status and body) instead of generating and billing again. Use a fresh random value
 * (e.g. a UUID) per logical request and reuse it on every retry of that request.
 *
 */
export const vIdempotencyKey = v.pipe(v.string(), v.minLength(1), v.maxLength(255));

/**
 * Identifier of the task, as returned by `POST /v1/seedance/generate`.
 */
export const vTaskId2 = vTaskId;

/**
 * Unique id of the message; the same on every retry of it, so receivers can deduplicate.
 */
export const vWebhookId = v.string();

/**
 * When the delivery attempt was signed, as unix seconds. Reject values more than 5 minutes from now (replay protection).
 */
export const vWebhookTimestamp = v.pipe(v.string(), v.regex(/^[0-9]+$/));

/**
 * Space-separated signatures, each `v1,<base64>`: the base64 of HMAC-SHA256 over
 * `"{webhook-id}.{webhook-timestamp}.{raw body}"`, keyed with the base64-decoded part of the
 * endpoint's secret (`whsec_<base64>`). Several entries appear while a secret is being rotated;
 * a receiver accepts the message if any `v1` entry matches (compared in constant time) and ignores
 * other versions.
 *
 */
export const vWebhookSignature = v.string();

export const vGenerateImageBody = vImageGenerationRequest;

export const vGenerateImageHeaders = v.object({
    'Idempotency-Key': v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(255)))
});

/**
 * The images were generated.
 */
export const vGenerateImageResponse = vImageGenerationResponse;

export const vGenerateVideoBody = vVideoGenerationRequest;

export const vGenerateVideoHeaders = v.object({
    'Idempotency-Key': v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(255)))
});

/**
 * The task was accepted and queued.
 */
export const vGenerateVideoResponse = vVideoGenerationResponse;

export const vGetTaskStatusPath = v.object({
    task_id: vTaskId
});

/**
 * The task's current status.
 */
export const vGetTaskStatusResponse = vTaskStatusResponse;

export const vGetTaskResultPath = v.object({
    task_id: vTaskId
});

/**
 * The task's final result.
 */
export const vGetTaskResultResponse = vTaskResultResponse;

export const vOnTaskCompletedWebhookRequest = v.object({
    body: vTaskCompletedEvent,
    path: v.optional(v.never()),
    query: v.optional(v.never()),
    headers: v.object({
        'webhook-id': v.string(),
        'webhook-timestamp': v.pipe(v.string(), v.regex(/^[0-9]+$/)),
        'webhook-signature': v.string()
    })
});

export const vOnTaskFailedWebhookRequest = v.object({
    body: vTaskFailedEvent,
    path: v.optional(v.never()),
    query: v.optional(v.never()),
    headers: v.object({
        'webhook-id': v.string(),
        'webhook-timestamp': v.pipe(v.string(), v.regex(/^[0-9]+$/)),
        'webhook-signature': v.string()
    })
});

export const vOnTaskProgressWebhookRequest = v.object({
    body: vTaskProgressEvent,
    path: v.optional(v.never()),
    query: v.optional(v.never()),
    headers: v.object({
        'webhook-id': v.string(),
        'webhook-timestamp': v.pipe(v.string(), v.regex(/^[0-9]+$/)),
        'webhook-signature': v.string()
    })
});
