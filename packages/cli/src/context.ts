// What every command gets: the client (made on first use, so `webhook verify` needs no API key),
// the output and the signal that Ctrl-C aborts.
import type { SeedanceClient } from "@seedance/node";
import type { Output } from "./output.ts";

export interface Context {
  client(): SeedanceClient;
  output: Output;
  signal: AbortSignal;
}
