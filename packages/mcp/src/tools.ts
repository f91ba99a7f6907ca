// The tools derived from the spec's operations. The only hand-written part per operation is the
// entry in OPERATION_TOOLS: the tool's name and the SDK method that calls it. The description, the
// input schema (the request body, or the path parameters) and the output schema (the success
// envelope's `data`) are the spec's own, read at start-up.

import type { Tool, ToolAnnotations } from "@modelcontextprotocol/sdk/types.js";
import type {
  ImageGenerationParams,
  RequestOptions,
  SeedanceClient,
  TaskStatus,
  VideoGenerationParams,
} from "@seedance/node";
import { toCamelCase, toSnakeCase } from "@seedance/node";
import { type JsonSchema, type Operation, type SpecOperation, specOperations, successSchema } from "./spec.ts";

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
}

type Call = (client: SeedanceClient, args: Arguments, options: RequestOptions) => Promise<unknown>;

/** The name decision: which operation becomes which tool, called through which SDK method. */
export const OPERATION_TOOLS: Record<string, { name: string; call: Call }> = {
  generateImage: {
    name: "generate_image",
    call: (client, args, options) => client.seedream.generate(toCamelCase(args) as ImageGenerationParams, options),
  },
  generateVideo: {
    name: "generate_video",
    call: (client, args, options) => client.seedance.generate(toCamelCase(args) as VideoGenerationParams, options),
  },
  getTaskStatus: {
    name: "get_task_status",
    call: (client, args, options) => client.task.getStatus(args.task_id as string, options),
  },
  getTaskResult: {
    name: "get_task_result",
    call: (client, args, options) => client.task.getResult(args.task_id as string, options),
  },
};

/** The tool's arguments: the JSON request body, else an object of the path and query parameters. */
export function inputSchemaOf(operation: Operation): JsonSchema {
  const body = (operation.requestBody as { content?: Record<string, { schema?: JsonSchema }> } | undefined)?.content?.[
    "application/json"
  ]?.schema;
  if (body) return body;
  // Header parameters (Idempotency-Key) are the SDK's business, not the agent's.
  const parameters = (operation.parameters ?? []).filter(
    (parameter): parameter is Exclude<typeof parameter, { $ref: string }> =>
      "in" in parameter && (parameter.in === "path" || parameter.in === "query"),
  );
  return {
    type: "object",
    properties: Object.fromEntries(
      parameters.map(({ name, schema, description }) => [name, description ? { ...schema, description } : schema]),
    ),
    required: parameters.filter((parameter) => parameter.required).map((parameter) => parameter.name),
    additionalProperties: false,
  };
}

/** The success envelope's `data`: what the SDK resolves with, in the wire's snake_case. */
export function outputSchemaOf(operation: Operation): JsonSchema {
  const data = (successSchema(operation)?.properties as Record<string, JsonSchema> | undefined)?.data;
  if (!data) throw new Error(`${operation.operationId} has no JSON success response with a data field in the spec.`);
  return data;
}

function annotationsOf(method: string, title: string): ToolAnnotations {
  // A generation creates (and bills) a new image or task each time: not read-only, not idempotent.
  return method === "get"
    ? { title, readOnlyHint: true, openWorldHint: true }
    : { title, readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true };
}

function toolFor({ method, operation }: SpecOperation, name: string): Tool {
  const title = operation.summary ?? name;
  return {
    name,
    title,
    description: [operation.summary, operation.description?.trim()].filter(Boolean).join("\n\n"),
    inputSchema: inputSchemaOf(operation) as Tool["inputSchema"],
    outputSchema: outputSchemaOf(operation) as Tool["outputSchema"],
    annotations: annotationsOf(method, title),
  };
}

/** One tool per operation of OPERATION_TOOLS, in the spec's order. */
export function specTools(): SeedanceTool[] {
  const tools: SeedanceTool[] = [];
  for (const [operationId, specOperation] of specOperations()) {
    const decision = OPERATION_TOOLS[operationId];
    if (!decision) continue;
    tools.push({
      definition: toolFor(specOperation, decision.name),
      run: async (args, { client, signal }) => toSnakeCase(await decision.call(client, args, { signal })),
    });
  }
  return tools;
}
