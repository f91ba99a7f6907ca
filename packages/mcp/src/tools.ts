// The tools derived from the spec's operations. The hand-written part per operation is its entry in
// OPERATION_TOOLS: the tool's name, a short note for the agent (when to use it, what to call next),
// the SDK method that calls it and the next step after its result. The title (the spec's summary),
// the input schema (the request body, or the path parameters) and the output schema (the success
// envelope's `data`) are the spec's own, read at start-up, without the generator-only keywords.

import type { Tool, ToolAnnotations } from "@modelcontextprotocol/sdk/types.js";
import type {
  ImageGenerationParams,
  RequestOptions,
  SeedanceClient,
  TaskStatus,
  VideoGenerationParams,
} from "@seedance/node";
import { toCamelCase, toSnakeCase } from "@seedance/node";
import { nextForTask, type WireTask } from "./results.ts";
import {
  forAgents,
  type JsonSchema,
  type Operation,
  type SpecOperation,
  specOperations,
  successSchema,
} from "./spec.ts";

/** A tool's arguments, as the client sent them: the spec's snake_case wire fields. */
export type Arguments = Record<string, unknown>;

/** What a tool needs while it runs, from the MCP request. */
export interface ToolContext {
  client: SeedanceClient;
  /** Waits for tasks (see SeedanceMcpOptions.waiter). */
  waiter: SeedanceClient;
  /** Aborted when the client cancels the request. */
  signal: AbortSignal;
  /** Reports progress, when the client asked for it with a progressToken. */
  progress?: (status: TaskStatus) => Promise<void>;
}

export interface SeedanceTool {
  definition: Tool;
  /** Resolves with the wire-shaped (snake_case) data that `definition.outputSchema` describes. */
  run(args: Arguments, context: ToolContext): Promise<unknown>;
  /** What the agent should do after this data, in a sentence. */
  next(data: unknown, args: Arguments): string;
  /**
   * Tools that may run as an MCP task (`execution.taskSupport: "optional"`): starts or names the
   * API task the MCP task follows, and resolves with its id.
   */
  startTask?(args: Arguments, context: ToolContext): Promise<string>;
}

export type Call = (client: SeedanceClient, args: Arguments, options: RequestOptions) => Promise<unknown>;

export interface OperationTool {
  name: string;
  /** For the agent, after the spec's summary: what the tool does, when to use it, what to call next. */
  note: string;
  call: Call;
  next: (data: unknown) => string;
  /** Whether a call may run as an MCP task that follows the API task it creates. */
  task?: boolean;
}

/** The name decision: which operation becomes which tool, described how, called through which SDK method. */
export const OPERATION_TOOLS: Record<string, OperationTool> = {
  generateImage: {
    name: "generate_image",
    note:
      "Creates images from a text prompt and returns their URLs within seconds. Use it when the user asks for " +
      "a picture. Each call creates (and bills) new images: call it again only for new ones.",
    call: (client, args, options) => client.seedream.generate(toCamelCase(args) as ImageGenerationParams, options),
    next: () => "show the user the images: images[].url.",
  },
  generateVideo: {
    name: "generate_video",
    note:
      "Starts a video from a text prompt (or from a reference image with image_input) and returns at once with " +
      "a task_id: the video itself takes minutes. Each call starts (and bills) a new video. Then call " +
      "wait_for_task with the task_id to get the video URL.",
    call: (client, args, options) => client.seedance.generate(toCamelCase(args) as VideoGenerationParams, options),
    next: (data) => nextForTask(data as WireTask),
    task: true,
  },
  getTaskStatus: {
    name: "get_task_status",
    note:
      "Checks a video task once and returns its status and progress. For a quick look; to wait until the " +
      "video is ready, call wait_for_task instead.",
    call: (client, args, options) => client.task.getStatus(args.task_id as string, options),
    next: (data) => nextForTask(data as WireTask),
  },
  getTaskResult: {
    name: "get_task_result",
    note:
      "Returns the outcome of a finished video task: result.video_url when it completed, error_message when " +
      "it failed. While the task still runs this is an error: call wait_for_task instead.",
    call: (client, args, options) => client.task.getResult(args.task_id as string, options),
    next: (data) => nextForTask(data as WireTask),
  },
};

/** The tool's arguments: the JSON request body, else an object of the path and query parameters. */
export function inputSchemaOf(operation: Operation): JsonSchema {
  const body = (operation.requestBody as { content?: Record<string, { schema?: JsonSchema }> } | undefined)?.content?.[
    "application/json"
  ]?.schema;
  if (body) return forAgents(body);
  // Header parameters (Idempotency-Key) are the SDK's business, not the agent's.
  const parameters = (operation.parameters ?? []).filter(
    (parameter): parameter is Exclude<typeof parameter, { $ref: string }> =>
      "in" in parameter && (parameter.in === "path" || parameter.in === "query"),
  );
  return {
    type: "object",
    properties: Object.fromEntries(
      parameters.map(({ name, schema, description }) => [
        name,
        forAgents(description ? { ...schema, description } : schema),
      ]),
    ),
    required: parameters.filter((parameter) => parameter.required).map((parameter) => parameter.name),
    additionalProperties: false,
  };
}

/** The success envelope's `data`: what the SDK resolves with, in the wire's snake_case. */
export function outputSchemaOf(operation: Operation): JsonSchema {
  const data = (successSchema(operation)?.properties as Record<string, JsonSchema> | undefined)?.data;
  if (!data) throw new Error(`${operation.operationId} has no JSON success response with a data field in the spec.`);
  return forAgents(data);
}

function annotationsOf(method: string, title: string): ToolAnnotations {
  // A generation creates (and bills) a new image or task each time: not read-only, not idempotent.
  return method === "get"
    ? { title, readOnlyHint: true, openWorldHint: true }
    : { title, readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true };
}

function toolFor({ method, operation }: SpecOperation, decision: OperationTool): Tool {
  const title = operation.summary ?? decision.name;
  return {
    name: decision.name,
    title,
    description: `${title}. ${decision.note}`,
    inputSchema: inputSchemaOf(operation) as Tool["inputSchema"],
    outputSchema: outputSchemaOf(operation) as Tool["outputSchema"],
    annotations: annotationsOf(method, title),
    ...(decision.task ? { execution: { taskSupport: "optional" as const } } : {}),
  };
}

/** One tool per operation of OPERATION_TOOLS, in the spec's order. */
export function specTools(): SeedanceTool[] {
  const tools: SeedanceTool[] = [];
  for (const [operationId, specOperation] of specOperations()) {
    const decision = OPERATION_TOOLS[operationId];
    if (!decision) continue;
    const run = async (args: Arguments, { client, signal }: ToolContext) =>
      toSnakeCase(await decision.call(client, args, { signal }));
    tools.push({
      definition: toolFor(specOperation, decision),
      run,
      next: decision.next,
      ...(decision.task
        ? { startTask: async (args, context) => ((await run(args, context)) as { task_id: string }).task_id }
        : {}),
    });
  }
  return tools;
}
