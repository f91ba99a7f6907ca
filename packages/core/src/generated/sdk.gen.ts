// This file is generated from spec/ by @hey-api/openapi-ts (`pnpm generate`). Do not edit it by hand.

import * as v from 'valibot';

import type { Client, ClientMeta, Options as Options2, RequestResult, TDataShape } from './client/index.js';
import type { GenerateImageData, GenerateImageErrors, GenerateImageResponses, GenerateVideoData, GenerateVideoErrors, GenerateVideoResponses, GetTaskResultData, GetTaskResultErrors, GetTaskResultResponses, GetTaskStatusData, GetTaskStatusErrors, GetTaskStatusResponses } from './types.gen.js';
import { vGenerateImageBody, vGenerateImageHeaders, vGenerateVideoBody, vGenerateVideoHeaders, vGetTaskResultPath, vGetTaskStatusPath } from './valibot.gen.js';

export type Options<TData extends TDataShape = TDataShape, ThrowOnError extends boolean = boolean, TResponse = unknown> = Options2<TData, ThrowOnError, TResponse> & {
    /**
     * You can provide a client instance returned by `createClient()` instead of
     * individual options. This might be also useful if you want to implement a
     * custom client.
     */
    client: Client;
    /**
     * You can pass arbitrary values through the `meta` object. This can be
     * used to access values that aren't defined as part of the SDK function.
     */
    meta?: keyof ClientMeta extends never ? Record<string, unknown> : ClientMeta;
};

/**
 * Generate images with Seedream
 *
 * Generates 1–4 images from a text prompt with a Seedream model and returns them when done
 * (synchronous). Send an `Idempotency-Key` to make retries safe.
 *
 */
export const generateImage = <ThrowOnError extends boolean = false>(options: Options<GenerateImageData, ThrowOnError>): RequestResult<GenerateImageResponses, GenerateImageErrors, ThrowOnError> => options.client.post<GenerateImageResponses, GenerateImageErrors, ThrowOnError>({
    requestValidator: async (data) => await v.parseAsync(v.object({
        body: vGenerateImageBody,
        headers: v.optional(vGenerateImageHeaders),
        path: v.optional(v.never()),
        query: v.optional(v.never())
    }), data),
    security: [{ scheme: 'bearer', type: 'http' }, { name: 'X-API-Key', type: 'apiKey' }],
    url: '/v1/seedream/generate',
    ...options,
    headers: {
        'Content-Type': 'application/json',
        ...options.headers
    }
});

/**
 * Generate a video with Seedance
 *
 * Queues a video generation (text-to-video, or image-to-video with `image_input`) and answers at
 * once with a task. Follow the task with `GET /v1/tasks/{task_id}` — first after
 * `estimated_wait_time_seconds`, then with backoff — or receive `task.*` webhooks at `webhook_url`.
 * Send an `Idempotency-Key` to make retries safe.
 *
 */
export const generateVideo = <ThrowOnError extends boolean = false>(options: Options<GenerateVideoData, ThrowOnError>): RequestResult<GenerateVideoResponses, GenerateVideoErrors, ThrowOnError> => options.client.post<GenerateVideoResponses, GenerateVideoErrors, ThrowOnError>({
    requestValidator: async (data) => await v.parseAsync(v.object({
        body: vGenerateVideoBody,
        headers: v.optional(vGenerateVideoHeaders),
        path: v.optional(v.never()),
        query: v.optional(v.never())
    }), data),
    security: [{ scheme: 'bearer', type: 'http' }, { name: 'X-API-Key', type: 'apiKey' }],
    url: '/v1/seedance/generate',
    ...options,
    headers: {
        'Content-Type': 'application/json',
        ...options.headers
    }
});

/**
 * Get a task's status
 *
 * Returns the task's state and progress. Poll with backoff (never faster than every 2 seconds) or
 * use webhooks instead. `result` is present once `status` is `completed`, `error_message` once it
 * is `failed`.
 *
 */
export const getTaskStatus = <ThrowOnError extends boolean = false>(options: Options<GetTaskStatusData, ThrowOnError>): RequestResult<GetTaskStatusResponses, GetTaskStatusErrors, ThrowOnError> => options.client.get<GetTaskStatusResponses, GetTaskStatusErrors, ThrowOnError>({
    requestValidator: async (data) => await v.parseAsync(v.object({
        body: v.optional(v.never()),
        path: vGetTaskStatusPath,
        query: v.optional(v.never())
    }), data),
    security: [{ scheme: 'bearer', type: 'http' }, { name: 'X-API-Key', type: 'apiKey' }],
    url: '/v1/tasks/{task_id}',
    ...options
});

/**
 * Get a task's final result
 *
 * Returns the final outcome of a finished task: the video when it `completed`, the reason when it
 * `failed`. Answers `409 TASK_NOT_COMPLETED` while the task is still queued or processing.
 *
 */
export const getTaskResult = <ThrowOnError extends boolean = false>(options: Options<GetTaskResultData, ThrowOnError>): RequestResult<GetTaskResultResponses, GetTaskResultErrors, ThrowOnError> => options.client.get<GetTaskResultResponses, GetTaskResultErrors, ThrowOnError>({
    requestValidator: async (data) => await v.parseAsync(v.object({
        body: v.optional(v.never()),
        path: vGetTaskResultPath,
        query: v.optional(v.never())
    }), data),
    security: [{ scheme: 'bearer', type: 'http' }, { name: 'X-API-Key', type: 'apiKey' }],
    url: '/v1/results/{task_id}',
    ...options
});
