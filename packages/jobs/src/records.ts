// What the journal keeps for each logical generation, and the interface every journal implements.

/** Where an item stands. `keyed`: its idempotency key is stored and the request may have been sent. */
export type ItemState = "keyed" | "running" | "downloading" | "done" | "failed";

export type ItemKind = "image" | "video";

/** One request of a batch, as read from the input. */
export interface BatchItem {
  /** The caller's id, or a hash of the request. */
  id: string;
  kind: ItemKind;
  /** The request body as the API takes it (snake_case). */
  body: Record<string, unknown>;
  /** The output file's name without extension (default: the id). */
  output?: string;
}

export interface OutputFile {
  /** The media URL it was downloaded from (it may have expired since). */
  url: string;
  /** Path relative to the output folder. */
  path: string;
  /** Set once the folder held no other file by that name: the file there is the batch's own. */
  claimed?: boolean;
  size?: number;
  sha256?: string;
}

export interface JobRecord extends BatchItem {
  state: ItemState;
  idempotencyKey: string;
  /** When the key was first written (ms since the epoch): the server keeps it for the spec's window. */
  keyCreatedAt: number;
  taskId?: string;
  files: OutputFile[];
  attempts: number;
  lastError?: string;
  updatedAt: number;
}

/**
 * A durable store of job records. `put` resolves only once the record would survive a crash of this
 * process (SQLite: a synchronous WAL commit; Redis: the server's acknowledgement).
 */
export interface Journal {
  get(id: string): Promise<JobRecord | undefined>;
  put(record: JobRecord): Promise<void>;
  list(): Promise<JobRecord[]>;
  close(): Promise<void>;
}
