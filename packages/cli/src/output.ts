// Where results go: stdout, as readable lines or as one JSON document per line (`--json`), so a
// script can read the last line. Bars, notes and errors go to stderr and never mix into stdout.
// Readable lines carry server text (URLs, messages), so they are sanitised: no control character
// reaches the terminal, and the key never shows. JSON lines are left byte for byte: JSON escapes
// control characters itself.
import type { Writable } from "node:stream";
import { sanitizeServerText } from "@seedance/node";

export interface Output {
  readonly json: boolean;
  /** Prints `value` as a JSON line with `--json`, else the human `lines`. */
  print(value: unknown, lines: readonly string[]): void;
  /** Lines for people only (stdout), left out with `--json`, whose lines already carry them. */
  human(lines: readonly string[]): void;
  /** A remark for people (stderr), left out with `--json`. */
  note(line: string): void;
}

export interface OutputOptions {
  /** The key the client sends, redacted from readable lines. */
  apiKey?: string | undefined;
  stdout?: Writable;
  stderr?: Writable;
}

export function createOutput(
  json: boolean,
  { apiKey, stdout = process.stdout, stderr = process.stderr }: OutputOptions = {},
): Output {
  const clean = (line: string) => `${sanitizeServerText(line, apiKey)}\n`;
  return {
    json,
    print(value, lines) {
      if (json) stdout.write(`${JSON.stringify(value)}\n`);
      else this.human(lines);
    },
    human(lines) {
      if (!json) stdout.write(lines.map(clean).join(""));
    },
    note(line) {
      if (!json) stderr.write(clean(line));
    },
  };
}
