// Every failure becomes a tool result with isError: the API's code and message, and what the agent
// should do next. The API's message is server text: it is cleaned like the rest.

import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import {
  AbortError,
  APIConnectionError,
  APIError,
  AuthenticationError,
  ConflictError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ValidationError,
} from "@seedance/node";
import type { Clean } from "./redact.ts";

function advice(error: unknown): string {
  if (error instanceof ValidationError) {
    return "No request was sent. Fix this argument and call the tool again.";
  }
  if (error instanceof RateLimitError) {
    const seconds = error.retryAfter === undefined ? undefined : Math.ceil(error.retryAfter / 1000);
    return seconds === undefined
      ? "The API's rate limit is reached. Wait a minute before calling again."
      : `The API's rate limit is reached. Wait ${seconds} seconds before calling again.`;
  }
  if (error instanceof AuthenticationError || error instanceof PermissionDeniedError) {
    return "The server's SEEDANCE_API_KEY was refused. Retrying will not help: ask the user to fix the MCP server's configuration.";
  }
  if (error instanceof ConflictError) return "The task has not finished yet. Call wait_for_task with its task_id.";
  if (error instanceof NotFoundError)
    return "Check the task_id: it must come from generate_video with this server's key.";
  if (error instanceof APIError && error.status >= 500)
    return "The API failed on its side. Try again in a little while.";
  if (error instanceof APIError) return "Change the arguments according to the message and call again.";
  if (error instanceof APIConnectionError) return "The Seedance API could not be reached. Try again in a little while.";
  if (error instanceof AbortError) return "The call was cancelled.";
  return "This is unexpected; report it to the user.";
}

function headline(error: unknown): string {
  if (error instanceof ValidationError) {
    const { field, constraint, limit } = error.details;
    const bound = limit === undefined ? "" : ` ${JSON.stringify(limit)}`;
    return `${error.code}: invalid argument \`${field}\` (${constraint}${bound}).`;
  }
  // "429 RATE_LIMITED: <the API's message> (request …)"
  if (error instanceof APIError) return error.message;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/** `error` as a result, its server text cleaned. */
export function errorResult(error: unknown, clean: Clean): CallToolResult {
  return { isError: true, content: [{ type: "text", text: clean(`${headline(error)}\n${advice(error)}`) }] };
}
