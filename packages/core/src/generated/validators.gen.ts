// This file is generated from spec/ by scripts/generate-validators.ts (`pnpm generate`). Do not edit it by hand.

/** The first way an input breaks the spec, in the terms of the server's 400 `error.details`. */
export interface Issue {
  /** The offending field, dotted (`prompt`, `task_id`); `""` for the body itself. */
  field: string;
  value: unknown;
  /** `required`, `type`, `enum`, `min_length`, `max_length`, `regex`, `format`, `minimum`, `maximum` or `additional_properties`. */
  constraint: string;
  /** The bound that was broken (a number, the allowed values, a type, a pattern or a format), when there is one. */
  limit?: unknown;
}

/** One operation of the spec. */
export interface OperationSpec {
  operationId: string;
  method: "GET" | "POST";
  /** The URL template, e.g. `/v1/tasks/{task_id}`. */
  path: string;
  /** The first path parameter that breaks the spec, or `undefined` when all are valid (operations with path parameters). */
  checkPath?: (path: Record<string, unknown>) => Issue | undefined;
  /** The first header parameter that breaks the spec, keyed by the spec's header names (operations with header parameters). */
  checkHeaders?: (headers: Record<string, unknown>) => Issue | undefined;
  /** The first violation of the spec by a JSON body, or `undefined` when it is valid (operations with a body). */
  checkBody?: (body: unknown) => Issue | undefined;
  /** Where a success body lacks a required field or has a value of the wrong JSON type, if it does. */
  checkResponse: (body: unknown) => Issue | undefined;
}

type Check = (v: any, f: string) => Issue | undefined;

const fail = (field: string, value: unknown, constraint: string, limit?: unknown): Issue => ({ field, value, constraint, limit });
const at = (parent: string, key: string) => (parent ? `${parent}.${key}` : key);
const is = (v: unknown, type: string) =>
  type === "object" ? typeof v === "object" && v !== null && !Array.isArray(v) : type === "array" ? Array.isArray(v) : type === "null" ? v === null : typeof v === type;
const field = (v: any, f: string, key: string, required: boolean, check: Check) =>
  v[key] === undefined ? (required ? fail(at(f, key), undefined, "required") : undefined) : check(v[key], at(f, key));
const known = (v: any, f: string, keys: string[]) => {
  for (const key in v) if (!keys.includes(key)) return fail(at(f, key), v[key], "additional_properties");
};
const items = (v: any[], f: string, check: Check) => {
  for (let i = 0; i < v.length; i++) {
    const issue = check(v[i], at(f, String(i)));
    if (issue) return issue;
  }
};

/** `POST /v1/seedream/generate`: its URL template and the spec's checks of its input and its success body. */
export const generateImage: OperationSpec = {
  operationId: "generateImage",
  method: "POST",
  path: "/v1/seedream/generate",
  checkHeaders: (header) => field(header, "", "Idempotency-Key", false, requestGenerateImageIdempotencyKey),
  checkBody: (body) => requestImageGenerationRequest(body, ""),
  checkResponse: (body) => responseImageGenerationResponse(body, ""),
};

/** `POST /v1/seedance/generate`: its URL template and the spec's checks of its input and its success body. */
export const generateVideo: OperationSpec = {
  operationId: "generateVideo",
  method: "POST",
  path: "/v1/seedance/generate",
  checkHeaders: (header) => field(header, "", "Idempotency-Key", false, requestGenerateVideoIdempotencyKey),
  checkBody: (body) => requestVideoGenerationRequest(body, ""),
  checkResponse: (body) => responseVideoGenerationResponse(body, ""),
};

/** `GET /v1/tasks/{task_id}`: its URL template and the spec's checks of its input and its success body. */
export const getTaskStatus: OperationSpec = {
  operationId: "getTaskStatus",
  method: "GET",
  path: "/v1/tasks/{task_id}",
  checkPath: (path) => field(path, "", "task_id", true, requestTaskId),
  checkResponse: (body) => responseTaskStatusResponse(body, ""),
};

/** `GET /v1/results/{task_id}`: its URL template and the spec's checks of its input and its success body. */
export const getTaskResult: OperationSpec = {
  operationId: "getTaskResult",
  method: "GET",
  path: "/v1/results/{task_id}",
  checkPath: (path) => field(path, "", "task_id", true, requestTaskId),
  checkResponse: (body) => responseTaskResultResponse(body, ""),
};

/** Every operation of the spec by operationId. */
export const OPERATIONS = { generateImage, generateVideo, getTaskStatus, getTaskResult } as const;

function requestGenerateImageIdempotencyKey(v: any, f: string): Issue | undefined {
  return is(v, "string") ? [...v].length >= 1 ? [...v].length <= 255 ? undefined : fail(f, v, "max_length", 255) : fail(f, v, "min_length", 1) : fail(f, v, "type", "string");
}

function requestImageGenerationRequest(v: any, f: string): Issue | undefined {
  return is(v, "object") ? field(v, f, "prompt", true, requestPrompt) ?? field(v, f, "model", true, requestImageModel) ?? field(v, f, "resolution", false, requestImageResolution) ?? field(v, f, "quality", false, requestImageQuality) ?? field(v, f, "num_images", false, requestImageGenerationRequestNumImages) ?? field(v, f, "seed", false, isInteger) ?? field(v, f, "style", false, requestImageGenerationRequestStyle) ?? field(v, f, "webhook_url", false, requestWebhookUrl) ?? known(v, f, ["prompt","model","resolution","quality","num_images","seed","style","webhook_url"]) : fail(f, v, "type", "object");
}

function requestPrompt(v: any, f: string): Issue | undefined {
  return is(v, "string") ? [...v].length >= 1 ? [...v].length <= 300 ? undefined : fail(f, v, "max_length", 300) : fail(f, v, "min_length", 1) : fail(f, v, "type", "string");
}

function requestImageModel(v: any, f: string): Issue | undefined {
  return is(v, "string") ? ["seedream-3.0","seedream-4.0","seedream-4.5","seedream-5.0"].includes(v) ? undefined : fail(f, v, "enum", ["seedream-3.0","seedream-4.0","seedream-4.5","seedream-5.0"]) : fail(f, v, "type", "string");
}

function requestImageResolution(v: any, f: string): Issue | undefined {
  return is(v, "string") ? ["1024x1024","2048x2048","4k"].includes(v) ? undefined : fail(f, v, "enum", ["1024x1024","2048x2048","4k"]) : fail(f, v, "type", "string");
}

function requestImageQuality(v: any, f: string): Issue | undefined {
  return is(v, "string") ? ["standard","high"].includes(v) ? undefined : fail(f, v, "enum", ["standard","high"]) : fail(f, v, "type", "string");
}

function requestImageGenerationRequestNumImages(v: any, f: string): Issue | undefined {
  return Number.isInteger(v) ? v >= 1 ? v <= 4 ? undefined : fail(f, v, "maximum", 4) : fail(f, v, "minimum", 1) : fail(f, v, "type", "integer");
}

function isInteger(v: any, f: string): Issue | undefined {
  return Number.isInteger(v) ? undefined : fail(f, v, "type", "integer");
}

function requestImageGenerationRequestStyle(v: any, f: string): Issue | undefined {
  return is(v, "string") ? [...v].length <= 64 ? undefined : fail(f, v, "max_length", 64) : fail(f, v, "type", "string");
}

function requestWebhookUrl(v: any, f: string): Issue | undefined {
  return is(v, "string") ? URL.canParse(v) ? undefined : fail(f, v, "format", "uri") : fail(f, v, "type", "string");
}

function responseImageGenerationResponse(v: any, f: string): Issue | undefined {
  return is(v, "object") ? field(v, f, "status", true, isString) ?? field(v, f, "data", true, responseImageGenerationResult) : fail(f, v, "type", "object");
}

function isString(v: any, f: string): Issue | undefined {
  return is(v, "string") ? undefined : fail(f, v, "type", "string");
}

function responseImageGenerationResult(v: any, f: string): Issue | undefined {
  return is(v, "object") ? field(v, f, "task_id", true, isString) ?? field(v, f, "images", true, responseImageGenerationResultImages) ?? field(v, f, "model", true, isString) ?? field(v, f, "resolution", false, isString) ?? field(v, f, "processing_time_ms", false, isNumber) : fail(f, v, "type", "object");
}

function responseImageGenerationResultImages(v: any, f: string): Issue | undefined {
  return is(v, "array") ? items(v, f, responseImage) : fail(f, v, "type", "array");
}

function responseImage(v: any, f: string): Issue | undefined {
  return is(v, "object") ? field(v, f, "id", true, isString) ?? field(v, f, "url", true, isString) ?? field(v, f, "width", false, isNumber) ?? field(v, f, "height", false, isNumber) ?? field(v, f, "format", false, isString) ?? field(v, f, "size_bytes", false, isNumber) : fail(f, v, "type", "object");
}

function isNumber(v: any, f: string): Issue | undefined {
  return is(v, "number") ? undefined : fail(f, v, "type", "number");
}

function requestGenerateVideoIdempotencyKey(v: any, f: string): Issue | undefined {
  return is(v, "string") ? [...v].length >= 1 ? [...v].length <= 255 ? undefined : fail(f, v, "max_length", 255) : fail(f, v, "min_length", 1) : fail(f, v, "type", "string");
}

function requestVideoGenerationRequest(v: any, f: string): Issue | undefined {
  return is(v, "object") ? field(v, f, "prompt", true, requestPrompt) ?? field(v, f, "model", true, requestVideoModel) ?? field(v, f, "duration", true, requestVideoGenerationRequestDuration) ?? field(v, f, "resolution", false, requestVideoResolution) ?? field(v, f, "fps", false, requestVideoGenerationRequestFps) ?? field(v, f, "image_input", false, requestVideoGenerationRequestImageInput) ?? field(v, f, "webhook_url", false, requestWebhookUrl) ?? known(v, f, ["prompt","model","duration","resolution","fps","image_input","webhook_url"]) : fail(f, v, "type", "object");
}

function requestVideoModel(v: any, f: string): Issue | undefined {
  return is(v, "string") ? ["seedance-1.0","seedance-1.5-pro","seedance-2.0"].includes(v) ? undefined : fail(f, v, "enum", ["seedance-1.0","seedance-1.5-pro","seedance-2.0"]) : fail(f, v, "type", "string");
}

function requestVideoGenerationRequestDuration(v: any, f: string): Issue | undefined {
  return Number.isInteger(v) ? v >= 5 ? v <= 30 ? undefined : fail(f, v, "maximum", 30) : fail(f, v, "minimum", 5) : fail(f, v, "type", "integer");
}

function requestVideoResolution(v: any, f: string): Issue | undefined {
  return is(v, "string") ? ["720p","1080p","4k"].includes(v) ? undefined : fail(f, v, "enum", ["720p","1080p","4k"]) : fail(f, v, "type", "string");
}

function requestVideoGenerationRequestFps(v: any, f: string): Issue | undefined {
  return Number.isInteger(v) ? [24,30,60].includes(v) ? undefined : fail(f, v, "enum", [24,30,60]) : fail(f, v, "type", "integer");
}

function requestVideoGenerationRequestImageInput(v: any, f: string): Issue | undefined {
  return is(v, "string") ? URL.canParse(v) ? undefined : fail(f, v, "format", "uri") : fail(f, v, "type", "string");
}

function responseVideoGenerationResponse(v: any, f: string): Issue | undefined {
  return is(v, "object") ? field(v, f, "status", true, isString) ?? field(v, f, "data", true, responseVideoTask) : fail(f, v, "type", "object");
}

function responseVideoTask(v: any, f: string): Issue | undefined {
  return is(v, "object") ? field(v, f, "task_id", true, isString) ?? field(v, f, "status", true, isString) ?? field(v, f, "estimated_wait_time_seconds", false, isNumber) ?? field(v, f, "check_status_url", false, isString) : fail(f, v, "type", "object");
}

function requestTaskId(v: any, f: string): Issue | undefined {
  return is(v, "string") ? [...v].length >= 1 ? [...v].length <= 128 ? /^[A-Za-z0-9_-]+$/u.test(v) ? undefined : fail(f, v, "regex", "^[A-Za-z0-9_-]+$") : fail(f, v, "max_length", 128) : fail(f, v, "min_length", 1) : fail(f, v, "type", "string");
}

function responseTaskStatusResponse(v: any, f: string): Issue | undefined {
  return is(v, "object") ? field(v, f, "status", true, isString) ?? field(v, f, "data", true, responseTaskStatus) : fail(f, v, "type", "object");
}

function responseTaskStatus(v: any, f: string): Issue | undefined {
  return is(v, "object") ? field(v, f, "task_id", true, isString) ?? field(v, f, "status", true, isString) ?? field(v, f, "progress", true, isNumber) ?? field(v, f, "created_at", true, isString) ?? field(v, f, "updated_at", true, isString) ?? field(v, f, "result", false, responseVideoResult) ?? field(v, f, "error_message", false, isString) : fail(f, v, "type", "object");
}

function responseVideoResult(v: any, f: string): Issue | undefined {
  return is(v, "object") ? field(v, f, "video_url", true, isString) ?? field(v, f, "duration", false, isNumber) ?? field(v, f, "resolution", false, isString) : fail(f, v, "type", "object");
}

function responseTaskResultResponse(v: any, f: string): Issue | undefined {
  return is(v, "object") ? field(v, f, "status", true, isString) ?? field(v, f, "data", true, responseTaskResult) : fail(f, v, "type", "object");
}

function responseTaskResult(v: any, f: string): Issue | undefined {
  return is(v, "object") ? field(v, f, "task_id", true, isString) ?? field(v, f, "status", true, isString) ?? field(v, f, "result", false, responseVideoResult) ?? field(v, f, "error_message", false, isString) ?? field(v, f, "completed_at", true, isString) : fail(f, v, "type", "object");
}
