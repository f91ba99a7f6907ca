// Exit codes (documented in the README) and the one place that maps an error to one of them.
import {
  AbortError,
  APIConnectionError,
  ConflictError,
  DestinationExistsError,
  ValidationError,
  WaitTimeoutError,
  WebhookVerificationError,
} from "@seedance/node";
import { CommanderError } from "commander";

export const EXIT = {
  ok: 0,
  /** The API answered with an error, a webhook did not verify, or something unexpected broke. */
  failure: 1,
  /** Bad command line: unknown flag, missing value or key, a request the SDK rejected before sending. */
  usage: 2,
  /** No answer: connection refused or dropped, a timeout, a wait that ran out. */
  connection: 3,
  /** The video task failed, or some items of a batch did. */
  taskFailed: 4,
  /** `result` of a task that has not finished yet (409 TASK_NOT_COMPLETED). */
  notFinished: 5,
  /** Interrupted (Ctrl-C). */
  interrupted: 130,
} as const;

/** A command line the CLI cannot run; its message says what to change. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** A video task that finished as `failed`. */
export class TaskFailedError extends Error {
  override name = "TaskFailedError";
  constructor(
    readonly taskId: string,
    reason: string,
  ) {
    super(`Task ${taskId} failed: ${reason}`);
  }
}

/** A wait that ended before its task did (Ctrl-C, or the wait's time limit): the task keeps running. */
export class WaitEndedError extends Error {
  override name = "WaitEndedError";
  constructor(
    readonly taskId: string,
    /** The command that waits for the task again. */
    readonly resume: string,
    readonly interrupted: boolean,
  ) {
    const why = interrupted ? "Interrupted" : "Stopped waiting (the wait's time limit ran out)";
    super(`${why}; task ${taskId} keeps running on the server. Resume with: ${resume}`);
  }
}

/** A batch that ended with some items failed (each is listed in results.jsonl and on stderr). */
export class BatchFailedError extends Error {
  override name = "BatchFailedError";
  constructor(readonly failed: number) {
    super(`${failed} item${failed === 1 ? "" : "s"} failed (listed above and in results.jsonl); the others are done.`);
  }
}

/** A batch stopped by Ctrl-C: the journal keeps every item's place. */
export class BatchInterruptedError extends Error {
  override name = "BatchInterruptedError";
  constructor(readonly resume: string) {
    super(`Interrupted; every item's place is kept in the journal. Resume with: ${resume}`);
  }
}

/** What the terminal shows: the SDK's message, its advice naming the CLI's switch instead of the SDK option. */
export function messageFor(error: unknown): string {
  const { message } = error as Error;
  if (error instanceof ValidationError) return message.replace("validate: false", "--no-validate");
  if (error instanceof DestinationExistsError) return message.replace("overwrite: true", "--overwrite");
  return message;
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  // @seedance/jobs' error for a fleet peer (BullMQ, ioredis) that is not installed: how to install it.
  if (error instanceof Error && error.name === "MissingPeerError") return EXIT.usage;
  if (error instanceof UsageError || error instanceof ValidationError) return EXIT.usage;
  if (error instanceof WebhookVerificationError) return error.reason === "invalid_secret" ? EXIT.usage : EXIT.failure;
  if (error instanceof TaskFailedError || error instanceof BatchFailedError) return EXIT.taskFailed;
  if (error instanceof BatchInterruptedError) return EXIT.interrupted;
  if (error instanceof WaitEndedError) return error.interrupted ? EXIT.interrupted : EXIT.connection;
  if (error instanceof ConflictError) return EXIT.notFinished;
  if (error instanceof APIConnectionError || error instanceof WaitTimeoutError) return EXIT.connection;
  if (error instanceof AbortError) return EXIT.interrupted;
  return EXIT.failure;
}
