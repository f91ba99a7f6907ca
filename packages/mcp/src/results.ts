// Tool results an agent can use: a text block listing the ids, URLs and states first, then the
// whole data as JSON, and last the next step; the same data as structuredContent.
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { type Clean, cleanDeep } from "./redact.ts";

/** Leaf fields worth a line of their own: ids, URLs and where the task stands. */
const HEADLINE = /(^|_)(id|url|status|progress|error_message)$/;

function headlines(value: unknown, path: string, lines: string[]): string[] {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) headlines(item, `${path}[${index}]`, lines);
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) headlines(item, path ? `${path}.${key}` : key, lines);
  } else if (HEADLINE.test(path.split(".").at(-1) ?? "")) lines.push(`${path}: ${String(value)}`);
  return lines;
}

/** `data` (the server's, cleaned here) as a result; `next` is what the agent should do now, in a sentence: it ends the text. */
export function successResult(data: unknown, next: string, clean: Clean): CallToolResult {
  const shown = cleanDeep(data, clean);
  const text = [...headlines(shown, "", []), "", JSON.stringify(shown, null, 2), "", `Next: ${clean(next)}`].join("\n");
  return {
    content: [{ type: "text", text }],
    structuredContent: shown as Record<string, unknown>,
  };
}

/** A task's status or result, as the API sends it (snake_case). */
export interface WireTask {
  task_id?: unknown;
  status?: unknown;
}

/**
 * The next step for a video task in `task.status`; `waitedSeconds` when a wait for it has just
 * ended with the task still running.
 */
export function nextForTask(task: WireTask, waitedSeconds?: number): string {
  if (task.status === "completed") return "the video is ready: give the user result.video_url.";
  if (task.status === "failed") {
    return "the video was not generated (error_message says why): tell the user, or change the prompt and call generate_video again.";
  }
  // queued, processing, or a state newer than this server: still running.
  const call = `call wait_for_task with task_id "${String(task.task_id)}"`;
  return waitedSeconds === undefined
    ? `the task is ${String(task.status)}: ${call} to wait for the video.`
    : `the task is still ${String(task.status)} after ${waitedSeconds} s: ${call} again to keep waiting.`;
}
