// A command line a user can paste into a POSIX shell: each word single-quoted unless it is plain,
// so that a task id or a path from elsewhere (the server, the user) runs nothing when pasted.
import { sanitizeServerText } from "@seedance/node";

const PLAIN = /^[\w@%+=:,./-]+$/;

export const shellCommand = (words: readonly string[]): string =>
  words
    .map((word) => sanitizeServerText(word))
    .map((word) => (PLAIN.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`))
    .join(" ");
