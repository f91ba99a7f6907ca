// Server-controlled text (an error message, `details`, a body excerpt, a Location, a task's
// `error_message`) on its way to an error, a log line, a tool result or a terminal: the API key is
// redacted in every form the SDK sends it, and characters that steer a terminal are removed.

// C0 controls except tab and newline, DEL, C1 controls (ESC and CSI start OSC/CSI sequences), and the
// bidirectional overrides that make text display in another order than it reads.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above, tab and newline included.
const ALL_CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

export const REDACTED = "[redacted]";

/**
 * Returns `text` with `apiKey` replaced by `[redacted]` (as sent, and with control characters such
 * as CR/LF stripped, as a server or a runtime may echo it) and terminal control characters removed.
 */
export function sanitizeServerText(text: string, apiKey?: string): string {
  return redactApiKey(text.replace(CONTROLS, ""), apiKey);
}

/**
 * Returns `text` with `apiKey` replaced by `[redacted]` in the same forms as `sanitizeServerText`,
 * and nothing else changed: for text that is relayed rather than shown, such as a proxied response.
 */
export function redactApiKey(text: string, apiKey?: string): string {
  if (!apiKey) return text;
  let clean = text;
  // Longest form first, so that a shorter form never splits a longer one's match.
  const forms = new Set([apiKey, apiKey.replace(CONTROLS, ""), apiKey.replace(ALL_CONTROLS, "")]);
  for (const form of [...forms].sort((a, b) => b.length - a.length)) {
    if (form) clean = clean.split(form).join(REDACTED);
  }
  return clean;
}
