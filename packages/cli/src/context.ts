// What every command gets: the client (made on first use, so `webhook verify` needs no API key),
// the output, the signal that Ctrl-C aborts, and how to resume a wait.
import type { SeedanceClient } from "@seedance/node";
import type { ConnectionFlags } from "./client.ts";
import type { Output } from "./output.ts";

export interface Context {
  client(): SeedanceClient;
  /** The flags the client is made from, for commands that make their own (a batch's, with a shared quota). */
  connection: ConnectionFlags;
  output: Output;
  signal: AbortSignal;
  /** `seedance wait <task_id>` with this command's flags that matter to it (--base-url, --out, --overwrite, --json). */
  resumeCommand(taskId: string): string;
}
