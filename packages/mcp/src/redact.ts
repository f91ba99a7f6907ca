// Server-controlled text on its way into a tool result, a task's status or a log line: every string
// passes core's sanitizeServerText, which redacts the API key in each form the SDK sends it and
// removes the characters that steer a terminal. One choke point per kind of output, so that no path
// (an error message, `details`, a task's `error_message`, a URL, an unknown field) is missed: the
// results (successResult, errorResult), the task store and the log.
import { sanitizeServerText } from "@seedance/node";

export type Clean = (text: string) => string;

export const cleaner =
  (apiKey: string | undefined): Clean =>
  (text) =>
    sanitizeServerText(text, apiKey);

/** `value` with every string in it, object keys included, cleaned. */
export function cleanDeep<T>(value: T, clean: Clean): T {
  if (typeof value === "string") return clean(value) as T;
  if (Array.isArray(value)) return value.map((item) => cleanDeep(item, clean)) as T;
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [clean(key), cleanDeep(item, clean)])) as T;
}
