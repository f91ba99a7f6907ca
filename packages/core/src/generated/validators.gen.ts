// This file is generated from spec/ by @seedance/codegen (`pnpm generate`). Do not edit it by hand.

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

/**
 * A schema compiled to data: its constraints keyed by the server's names for them (each value is the
 * limit an Issue reports), then the rules of its properties and items. Response rules hold only the
 * shape (type, properties, required, items).
 */
interface Rule {
  type?: string;
  enum?: unknown[];
  min_length?: number;
  max_length?: number;
  regex?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, Rule>;
  required?: string[];
  additional_properties?: false;
  items?: Rule;
}

// JSON Schema counts characters (code points), not UTF-16 units: a string has at most `length` and at
// least half as many, so most lengths are decided without counting.
const codePoints = (v: string) => {
  let count = 0;
  for (const _ of v) count++;
  return count;
};
const patterns = new Map<string, RegExp>();

/** Each constraint's test of a value against its limit. */
const TESTS: Record<string, ((v: any, limit: any) => boolean) | undefined> = {
  type: (v, type: string) => type === "integer" ? Number.isInteger(v) : type === "object" ? typeof v === "object" && v !== null && !Array.isArray(v) : type === "array" ? Array.isArray(v) : typeof v === type,
  enum: (v, values: unknown[]) => values.includes(v),
  min_length: (v: string, min: number) => v.length >= min && (v.length >= 2 * min || codePoints(v) >= min),
  max_length: (v: string, max: number) => v.length <= max || codePoints(v) <= max,
  regex: (v: string, pattern: string) => {
    let regex = patterns.get(pattern);
    if (!regex) patterns.set(pattern, (regex = new RegExp(pattern, "u")));
    return regex.test(v);
  },
  format: (v: string, format: string) => FORMATS[format]?.(v) === true,
  minimum: (v: number, min: number) => v >= min,
  maximum: (v: number, max: number) => v <= max,
};

/** The formats a request check enforces. */
const FORMATS: Record<string, (v: string) => boolean> = { uri: (v) => URL.canParse(v) };

const fail = (field: string, value: unknown, constraint: string, limit?: unknown): Issue => ({ field, value, constraint, limit });
const at = (parent: string, key: string) => (parent ? `${parent}.${key}` : key);

/** The first way `v` (at field `f`) breaks `rule`, or `undefined`. */
function check(rule: Rule, v: any, f: string): Issue | undefined {
  // A rule's constraints are written in the order the server checks them (type first); its shape
  // keys (properties, required, …) have no test.
  for (const constraint in rule) {
    const limit = rule[constraint as keyof Rule];
    if (TESTS[constraint]?.(v, limit) === false) return fail(f, v, constraint, limit);
  }
  const { properties, items } = rule;
  for (const key in properties) {
    const issue =
      v[key] === undefined
        ? rule.required?.includes(key)
          ? fail(at(f, key), undefined, "required")
          : undefined
        : check(properties[key] as Rule, v[key], at(f, key));
    if (issue) return issue;
  }
  if (rule.additional_properties === false) {
    for (const key in v) if (!properties || !Object.hasOwn(properties, key)) return fail(at(f, key), v[key], "additional_properties");
  }
  for (let i = 0; items && i < v.length; i++) {
    const issue = check(items, v[i], at(f, String(i)));
    if (issue) return issue;
  }
}

const headerIdempotencyKey: Rule = { properties: { "Idempotency-Key": { type: "string", min_length: 1, max_length: 255 } } };

const requestPrompt: Rule = { type: "string", min_length: 1, max_length: 300 };

const requestWebhookUrl: Rule = { type: "string", format: "uri" };

const requestImageGenerationRequest: Rule = { type: "object", properties: { prompt: requestPrompt, model: { type: "string", enum: ["seedream-3.0","seedream-4.0","seedream-4.5","seedream-5.0"] }, resolution: { type: "string", enum: ["1024x1024","2048x2048","4k"] }, quality: { type: "string", enum: ["standard","high"] }, num_images: { type: "integer", minimum: 1, maximum: 4 }, seed: { type: "integer" }, style: { type: "string", max_length: 64 }, webhook_url: requestWebhookUrl }, required: ["prompt","model"], additional_properties: false };

const stringValue: Rule = { type: "string" };

const numberValue: Rule = { type: "number" };

const responseImageGenerationResponse: Rule = { type: "object", properties: { status: stringValue, data: { type: "object", properties: { task_id: stringValue, images: { type: "array", items: { type: "object", properties: { id: stringValue, url: stringValue, width: numberValue, height: numberValue, format: stringValue, size_bytes: numberValue }, required: ["id","url"] } }, model: stringValue, resolution: stringValue, processing_time_ms: numberValue }, required: ["task_id","images","model"] } }, required: ["status","data"] };

const requestVideoGenerationRequest: Rule = { type: "object", properties: { prompt: requestPrompt, model: { type: "string", enum: ["seedance-1.0","seedance-1.5-pro","seedance-2.0"] }, duration: { type: "integer", minimum: 5, maximum: 30 }, resolution: { type: "string", enum: ["720p","1080p","4k"] }, fps: { type: "integer", enum: [24,30,60] }, image_input: requestWebhookUrl, webhook_url: requestWebhookUrl }, required: ["prompt","model","duration"], additional_properties: false };

const responseVideoGenerationResponse: Rule = { type: "object", properties: { status: stringValue, data: { type: "object", properties: { task_id: stringValue, status: stringValue, estimated_wait_time_seconds: numberValue, check_status_url: stringValue }, required: ["task_id","status"] } }, required: ["status","data"] };

const pathTaskId: Rule = { properties: { task_id: { type: "string", min_length: 1, max_length: 128, regex: "^[A-Za-z0-9_-]+$" } }, required: ["task_id"] };

const responseVideoResult: Rule = { type: "object", properties: { video_url: stringValue, duration: numberValue, resolution: stringValue }, required: ["video_url"] };

const responseTaskStatusResponse: Rule = { type: "object", properties: { status: stringValue, data: { type: "object", properties: { task_id: stringValue, status: stringValue, progress: numberValue, created_at: stringValue, updated_at: stringValue, result: responseVideoResult, error_message: stringValue }, required: ["task_id","status","progress","created_at","updated_at"] } }, required: ["status","data"] };

const responseTaskResultResponse: Rule = { type: "object", properties: { status: stringValue, data: { type: "object", properties: { task_id: stringValue, status: stringValue, result: responseVideoResult, error_message: stringValue, completed_at: stringValue }, required: ["task_id","status","completed_at"] } }, required: ["status","data"] };

/** `POST /v1/seedream/generate`: its URL template and the spec's checks of its input and its success body. */
export const generateImage: OperationSpec = {
  operationId: "generateImage",
  method: "POST",
  path: "/v1/seedream/generate",
  checkHeaders: (value) => check(headerIdempotencyKey, value, ""),
  checkBody: (value) => check(requestImageGenerationRequest, value, ""),
  checkResponse: (value) => check(responseImageGenerationResponse, value, ""),
};

/** `POST /v1/seedance/generate`: its URL template and the spec's checks of its input and its success body. */
export const generateVideo: OperationSpec = {
  operationId: "generateVideo",
  method: "POST",
  path: "/v1/seedance/generate",
  checkHeaders: (value) => check(headerIdempotencyKey, value, ""),
  checkBody: (value) => check(requestVideoGenerationRequest, value, ""),
  checkResponse: (value) => check(responseVideoGenerationResponse, value, ""),
};

/** `GET /v1/tasks/{task_id}`: its URL template and the spec's checks of its input and its success body. */
export const getTaskStatus: OperationSpec = {
  operationId: "getTaskStatus",
  method: "GET",
  path: "/v1/tasks/{task_id}",
  checkPath: (value) => check(pathTaskId, value, ""),
  checkResponse: (value) => check(responseTaskStatusResponse, value, ""),
};

/** `GET /v1/results/{task_id}`: its URL template and the spec's checks of its input and its success body. */
export const getTaskResult: OperationSpec = {
  operationId: "getTaskResult",
  method: "GET",
  path: "/v1/results/{task_id}",
  checkPath: (value) => check(pathTaskId, value, ""),
  checkResponse: (value) => check(responseTaskResultResponse, value, ""),
};

/** Every operation of the spec by operationId. */
export const OPERATIONS = { generateImage, generateVideo, getTaskStatus, getTaskResult } as const;
