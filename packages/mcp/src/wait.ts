// wait_for_task: the one hand-written tool. It waits with the SDK's adaptive polling, reports the
// task's progress as MCP progress notifications and stops polling when the client cancels. As an
// MCP task it follows the API task until it ends, with no max_wait_seconds: that bound is for a
// blocking call, whose client gives up on a request after a minute or so.

import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { type TaskStatus, toSnakeCase, ValidationError, WaitTimeoutError } from "@seedance/node";
import { nextForTask, type WireTask } from "./results.ts";
import { componentSchema, forAgents } from "./spec.ts";
import type { Arguments, SeedanceTool, ToolContext } from "./tools.ts";

/** Under the 60 s request timeout most MCP clients use, so a wait returns before the client gives up. */
const DEFAULT_WAIT_SECONDS = 50;
const MAX_WAIT_SECONDS = 600;
/** The states a task ends in, from the spec's TaskResult. */
const TERMINAL = new Set((componentSchema("TaskResult").properties as { status: { enum: string[] } }).status.enum);
const TITLE = "Wait for a video task to finish";

const definition: Tool = {
  name: "wait_for_task",
  title: TITLE,
  description:
    `${TITLE}. Waits for a video task from generate_video to complete or fail and returns its final status ` +
    "with the video URL (result.video_url), sending progress notifications meanwhile. If the task is still " +
    `running after max_wait_seconds (default ${DEFAULT_WAIT_SECONDS}), it returns the current status: then call ` +
    "wait_for_task again.",
  inputSchema: {
    type: "object",
    properties: {
      task_id: forAgents(componentSchema("TaskId")),
      max_wait_seconds: {
        type: "integer",
        description: "How long to wait before returning the task's current status.",
        minimum: 1,
        maximum: MAX_WAIT_SECONDS,
        default: DEFAULT_WAIT_SECONDS,
      },
    },
    required: ["task_id"],
    additionalProperties: false,
  },
  outputSchema: forAgents(componentSchema("TaskStatus")) as Tool["outputSchema"],
  annotations: { title: TITLE, readOnlyHint: true, openWorldHint: true },
  execution: { taskSupport: "optional" },
};

/** The arguments the SDK does not check itself: rejected the way the SDK rejects the others. */
function maxWaitSeconds(args: Arguments): number {
  const value = args.max_wait_seconds ?? DEFAULT_WAIT_SECONDS;
  const reject = (constraint: string, limit: unknown) => {
    const message = `Invalid max_wait_seconds: expected an integer from 1 to ${MAX_WAIT_SECONDS}.`;
    throw new ValidationError(message, { field: "max_wait_seconds", value, constraint, limit });
  };
  if (typeof value !== "number" || !Number.isInteger(value)) reject("type", "integer");
  if ((value as number) < 1) reject("minimum", 1);
  if ((value as number) > MAX_WAIT_SECONDS) reject("maximum", MAX_WAIT_SECONDS);
  return value as number;
}

function taskIdOf(args: Arguments): string {
  const value = args.task_id;
  if (typeof value !== "string") {
    throw new ValidationError("Invalid task_id: expected the task_id string from generate_video.", {
      field: "task_id",
      value,
      constraint: "type",
      limit: "string",
    });
  }
  return value;
}

async function run(args: Arguments, { waiter: client, signal, progress }: ToolContext): Promise<unknown> {
  const maxWaitTime = maxWaitSeconds(args) * 1000;
  const taskId = taskIdOf(args);
  let last: TaskStatus | undefined;
  try {
    await client.task.waitForCompletion(taskId, {
      maxWaitTime,
      signal,
      onProgress: (status) => {
        last = status;
        // The final status is the result; a notification racing it could reach the client after it.
        if (!TERMINAL.has(status.status)) void progress?.(status);
      },
    });
  } catch (error) {
    // Still running is an answer, not a failure: the agent decides whether to wait again.
    if (!(error instanceof WaitTimeoutError)) throw error;
    last = (error.lastStatus as TaskStatus | undefined) ?? (await client.task.getStatus(taskId, { signal }));
  }
  return toSnakeCase(last as TaskStatus);
}

const next = (data: unknown, args: Arguments) => {
  const task = data as WireTask;
  return nextForTask(task, TERMINAL.has(String(task.status)) ? undefined : maxWaitSeconds(args));
};

export const waitForTaskTool: SeedanceTool = {
  definition,
  run,
  next,
  startTask: async (args) => {
    maxWaitSeconds(args);
    return taskIdOf(args);
  },
};
