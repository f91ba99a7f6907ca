// Where results go: stdout, as readable lines or as one JSON document per line (`--json`), so a
// script can read the last line. Bars, notes and errors go to stderr and never mix into stdout.
import type { Writable } from "node:stream";

export interface Output {
  readonly json: boolean;
  /** Prints `value` as a JSON line with `--json`, else the human `lines`. */
  print(value: unknown, lines: readonly string[]): void;
  /** Lines for people only (stdout), left out with `--json`, whose lines already carry them. */
  human(lines: readonly string[]): void;
  /** A remark for people (stderr), left out with `--json`. */
  note(line: string): void;
}

export function createOutput(
  json: boolean,
  stdout: Writable = process.stdout,
  stderr: Writable = process.stderr,
): Output {
  return {
    json,
    print(value, lines) {
      if (json) stdout.write(`${JSON.stringify(value)}\n`);
      else this.human(lines);
    },
    human(lines) {
      if (!json) stdout.write(lines.map((line) => `${line}\n`).join(""));
    },
    note(line) {
      if (!json) stderr.write(`${line}\n`);
    },
  };
}
