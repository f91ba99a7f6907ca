// MCP tasks (specification 2025-11-25) tied to the API's tasks, behind the MCP SDK's experimental
// TaskStore interface: the SDK answers tasks/get, tasks/result, tasks/list and tasks/cancel from it.
//
// An MCP task's id is the API's task id, so a task outlives the session and the process that
// started it: a session of a server with the same API key that asks for an id it does not know looks
// it up at the API and follows it from then on (the API answers 404 for another key's task). What
// this store keeps is the server's own view: which sessions asked (tasks/list shows a session the
// tasks it started or looked up), the TTL, and the final tool result, the one a blocking
// wait_for_task returns.
import { randomUUID } from "node:crypto";
import type { CreateTaskOptions, TaskStore } from "@modelcontextprotocol/sdk/experimental/tasks/interfaces.js";
import {
  type CallToolResult,
  ErrorCode,
  McpError,
  type Request,
  type RequestId,
  type Result,
  type Task,
} from "@modelcontextprotocol/sdk/types.js";
import {
  NotFoundError,
  type SeedanceClient,
  type TaskStatus,
  toSnakeCase,
  ValidationError,
  WaitTimeoutError,
} from "@seedance/node";
import { errorResult } from "./errors.ts";
import { type Clean, cleaner } from "./redact.ts";
import { nextForTask, successResult } from "./results.ts";

/** A task's lifetime when the client asks for none. */
export const DEFAULT_TTL_MS = 3_600_000;
/** The longest lifetime granted; a longer request is shortened to it. */
export const MAX_TTL_MS = 86_400_000;
const MIN_TTL_MS = 1000;
/** Suggested to clients for tasks/get; the API task itself is polled with the SDK's backoff. */
export const POLL_INTERVAL_MS = 2000;
const PAGE_SIZE = 100;
/** How many expired ids are remembered, so that they are not looked up at the API again. */
const EXPIRED_KEPT = 10_000;

export interface SeedanceTaskStoreOptions {
  /** The client that follows the API tasks: one of its own, so that it polls from the start. */
  waiter: SeedanceClient;
  /** Redacted from every status message and result (default: SEEDANCE_API_KEY). */
  apiKey?: string;
  /** One line per task event (created, found, ended, cancelled, expired). */
  log?: (line: string) => void;
}

/** What a task-augmented tools/call passes to createTask as `context`. */
export type TaskContext = { apiTaskId: string } | { failure: CallToolResult };

/** Called on every change of a task; `status` is the API's, when the change came from it. */
export type TaskListener = (task: Task, status?: TaskStatus) => void;

interface Entry {
  task: Task;
  sessions: Set<string | undefined>;
  result?: CallToolResult;
  following: AbortController;
  expiry: ReturnType<typeof setTimeout>;
  listeners: Set<TaskListener>;
}

const TERMINAL = new Set(["completed", "failed", "cancelled"]);
export const isTerminalTask = (task: Task) => TERMINAL.has(task.status);

export class SeedanceTaskStore implements TaskStore {
  readonly #waiter: SeedanceClient;
  readonly #clean: Clean;
  readonly #log: (line: string) => void;
  readonly #entries = new Map<string, Entry>();
  readonly #expired = new Set<string>();
  readonly #lookups = new Map<string, Promise<Entry | undefined>>();

  constructor(options: SeedanceTaskStoreOptions) {
    this.#waiter = options.waiter;
    this.#clean = cleaner(options.apiKey ?? process.env.SEEDANCE_API_KEY);
    const log = options.log ?? (() => {});
    this.#log = (line) => log(this.#clean(line));
  }

  /** The tool result for a task that ended at the API: what a blocking wait_for_task returns. */
  #finalResult(status: TaskStatus): CallToolResult {
    const data = toSnakeCase(status);
    return successResult(data, nextForTask(data), this.#clean);
  }

  async createTask(options: CreateTaskOptions, _id: RequestId, _request: Request, sessionId?: string): Promise<Task> {
    const context = options.context as TaskContext | undefined;
    if (!context) throw new Error("A Seedance task is created by a tools/call that names its API task.");
    const apiTaskId = "apiTaskId" in context ? context.apiTaskId : undefined;
    // An id that carries the key (or terminal controls) cannot be the MCP task's: it would be shown as is.
    const unshowable = apiTaskId !== undefined && this.#clean(apiTaskId) !== apiTaskId;
    if (apiTaskId === undefined || unshowable) {
      // The call failed before there was an API task (a bad argument, a refused key): a failed task
      // whose result is the error the blocking call returns.
      const entry = this.#add(`failed-${randomUUID()}`, options.ttl, sessionId);
      this.#end(
        entry,
        "failed",
        "failure" in context ? context.failure : errorResult(new Error(UNSHOWABLE_ID), this.#clean),
      );
      return { ...entry.task };
    }
    const known = this.#entries.get(apiTaskId);
    if (known) {
      known.sessions.add(sessionId);
      return { ...known.task };
    }
    this.#expired.delete(apiTaskId);
    const entry = this.#add(apiTaskId, options.ttl, sessionId);
    this.#log(`task ${entry.task.taskId}: created, ttl ${entry.task.ttl} ms`);
    void this.#follow(entry);
    return { ...entry.task };
  }

  async getTask(taskId: string, sessionId?: string): Promise<Task | null> {
    const entry = this.#entries.get(taskId) ?? (await this.#lookUp(taskId, sessionId));
    if (!entry) return null;
    entry.sessions.add(sessionId);
    return { ...entry.task };
  }

  async storeTaskResult(taskId: string, status: "completed" | "failed", result: Result): Promise<void> {
    this.#end(this.#entry(taskId), status, result as CallToolResult);
  }

  async getTaskResult(taskId: string): Promise<Result> {
    const { result } = this.#entry(taskId);
    if (!result) throw new McpError(ErrorCode.InvalidParams, `Task ${this.#clean(taskId)} has not ended yet.`);
    return result;
  }

  async updateTaskStatus(taskId: string, status: Task["status"], statusMessage?: string): Promise<void> {
    const entry = this.#entry(taskId);
    if (status !== "cancelled") {
      this.#change(entry, { status, statusMessage });
      return;
    }
    // tasks/cancel: the SDK has checked that the task has not ended.
    entry.following.abort();
    const note = cancelNote(taskId);
    this.#end(entry, "cancelled", { isError: true, content: [{ type: "text", text: this.#clean(note) }] }, note);
    this.#log(`task ${taskId}: cancelled by the client; the API task keeps running`);
  }

  async listTasks(cursor?: string, sessionId?: string): Promise<{ tasks: Task[]; nextCursor?: string }> {
    const offset = cursor === undefined ? 0 : Number(Buffer.from(cursor, "base64url").toString());
    if (!Number.isSafeInteger(offset) || offset < 0)
      throw new Error("Invalid cursor: pass back a nextCursor as given.");
    const mine = [...this.#entries.values()].filter((entry) => entry.sessions.has(sessionId));
    const page = mine.slice(offset, offset + PAGE_SIZE).map((entry) => ({ ...entry.task }));
    const more = offset + PAGE_SIZE < mine.length;
    return more
      ? { tasks: page, nextCursor: Buffer.from(String(offset + PAGE_SIZE)).toString("base64url") }
      : { tasks: page };
  }

  /** Calls `listener` on each change of the task until the returned function is called. */
  subscribe(taskId: string, listener: TaskListener): () => void {
    const listeners = this.#entries.get(taskId)?.listeners;
    listeners?.add(listener);
    return () => void listeners?.delete(listener);
  }

  /** Stops following every task and forgets them all (the server is shutting down). */
  close(): void {
    for (const entry of this.#entries.values()) {
      entry.following.abort();
      clearTimeout(entry.expiry);
    }
    this.#entries.clear();
  }

  #entry(taskId: string): Entry {
    const entry = this.#entries.get(taskId);
    if (!entry) throw new McpError(ErrorCode.InvalidParams, `Task ${this.#clean(taskId)} was not found.`);
    return entry;
  }

  #add(taskId: string, requestedTtl: number | null | undefined, sessionId: string | undefined): Entry {
    const ttl = Math.min(Math.max(requestedTtl ?? DEFAULT_TTL_MS, MIN_TTL_MS), MAX_TTL_MS);
    const now = new Date().toISOString();
    const entry: Entry = {
      task: {
        taskId,
        status: "working",
        statusMessage: `Following Seedance task ${taskId}.`,
        createdAt: now,
        lastUpdatedAt: now,
        ttl,
        pollInterval: POLL_INTERVAL_MS,
      },
      sessions: new Set([sessionId]),
      following: new AbortController(),
      expiry: setTimeout(() => this.#expire(entry), ttl),
      listeners: new Set(),
    };
    // A task's lifetime never keeps the process alive.
    entry.expiry.unref?.();
    this.#entries.set(taskId, entry);
    return entry;
  }

  /** A task this server does not follow: at the API (this key's task), else nothing. */
  #lookUp(taskId: string, sessionId: string | undefined): Promise<Entry | undefined> {
    if (this.#expired.has(taskId)) {
      throw new McpError(ErrorCode.InvalidParams, `Task ${this.#clean(taskId)} has expired: its ttl has passed.`);
    }
    let lookup = this.#lookups.get(taskId);
    if (!lookup) {
      lookup = this.#fetch(taskId, sessionId).finally(() => this.#lookups.delete(taskId));
      this.#lookups.set(taskId, lookup);
    }
    return lookup;
  }

  async #fetch(taskId: string, sessionId: string | undefined): Promise<Entry | undefined> {
    let status: TaskStatus;
    try {
      status = await this.#waiter.task.getStatus(taskId);
    } catch (error) {
      // Not a task id, or not this key's task: not found, as for an MCP task id never given.
      if (error instanceof NotFoundError || error instanceof ValidationError) return undefined;
      const text = (this.#failure(error).content[0] as { text: string }).text;
      throw new McpError(ErrorCode.InternalError, `Task ${this.#clean(taskId)} could not be looked up: ${text}`);
    }
    const entry = this.#entries.get(taskId) ?? this.#add(taskId, undefined, sessionId);
    this.#log(`task ${taskId}: found at the API, followed again`);
    this.#observe(entry, status);
    if (!isTerminalTask(entry.task)) void this.#follow(entry);
    return entry;
  }

  /** Polls the API task with the SDK's backoff until it ends, the MCP task is cancelled, or its TTL passes. */
  async #follow(entry: Entry): Promise<void> {
    const { taskId } = entry.task;
    const maxWaitTime = Date.parse(entry.task.createdAt) + (entry.task.ttl ?? MAX_TTL_MS) - Date.now();
    try {
      for await (const status of this.#waiter.task.watch(taskId, { signal: entry.following.signal, maxWaitTime })) {
        this.#observe(entry, status);
      }
    } catch (error) {
      // Cancelled, closed, or out of time: the TTL's end is the task's own, not a failure.
      if (entry.following.signal.aborted || error instanceof WaitTimeoutError) return;
      this.#end(entry, "failed", this.#failure(error));
    }
  }

  #observe(entry: Entry, status: TaskStatus): void {
    if (isTerminalTask(entry.task)) return;
    const { taskId } = entry.task;
    const state = this.#clean(String(status.status));
    if (status.status === "completed" || status.status === "failed") {
      const reason = status.status === "failed" ? `: ${this.#clean(status.errorMessage ?? "no reason given")}` : "";
      this.#end(entry, status.status, this.#finalResult(status), `Seedance task ${taskId} ${state}${reason}.`, status);
      return;
    }
    // queued, processing, or a state newer than this server: still working.
    this.#change(entry, { statusMessage: `Seedance task ${taskId}: ${state}, ${status.progress ?? 0}%.` }, status);
  }

  #end(entry: Entry, status: Task["status"], result: CallToolResult, message?: string, from?: TaskStatus): void {
    entry.result = result;
    const firstLine = (result.content[0] as { text?: string } | undefined)?.text?.split("\n")[0] ?? status;
    this.#change(entry, { status, statusMessage: message ?? firstLine }, from);
    if (status !== "cancelled") this.#log(`task ${entry.task.taskId}: ${status}`);
  }

  #change(entry: Entry, change: Partial<Task>, status?: TaskStatus): void {
    const statusMessage = change.statusMessage === undefined ? undefined : this.#clean(change.statusMessage);
    Object.assign(entry.task, change, statusMessage === undefined ? {} : { statusMessage });
    entry.task.lastUpdatedAt = new Date().toISOString();
    for (const listener of entry.listeners) listener({ ...entry.task }, status);
  }

  #expire(entry: Entry): void {
    const { taskId } = entry.task;
    entry.following.abort();
    this.#entries.delete(taskId);
    this.#expired.add(taskId);
    if (this.#expired.size > EXPIRED_KEPT) this.#expired.delete(this.#expired.values().next().value as string);
    entry.listeners.clear();
    this.#log(`task ${taskId}: expired after its ttl of ${entry.task.ttl} ms`);
  }

  #failure(error: unknown): CallToolResult {
    return errorResult(error, this.#clean);
  }
}

const UNSHOWABLE_ID =
  "The API answered with a task id that holds the API key or control characters; it is not shown. Report this to the API's operator.";

const cancelNote = (taskId: string) =>
  `Cancelled: this server stopped waiting for Seedance task ${taskId}. The Seedance API has no way to cancel a ` +
  `task, so the video keeps generating there: call wait_for_task or get_task_status with task_id "${taskId}" ` +
  "to pick it up again.";
