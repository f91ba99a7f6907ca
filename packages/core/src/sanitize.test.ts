import { describe, expect, it } from "vitest";
import { redactApiKey, sanitizeServerText } from "./sanitize.js";

describe("sanitizeServerText", () => {
  it("redacts the key as sent, inside a Bearer header and echoed without its CR/LF", () => {
    const key = "sk-live-\r\nabc123";
    const text = `key ${key}; header Bearer ${key}; echoed sk-live-abc123 and sk-live-\nabc123`;
    const clean = sanitizeServerText(text, key);
    expect(clean).not.toContain("abc123");
    expect(clean).toBe("key [redacted]; header Bearer [redacted]; echoed [redacted] and [redacted]");
  });

  it("finds a key that a server split with control characters", () => {
    expect(sanitizeServerText("sk-\u001b[0mtest-key", "sk-[0mtest-key")).toBe("[redacted]");
  });

  it("removes terminal escapes, C1 controls and bidi overrides but keeps tabs and newlines", () => {
    const text = "a\u001b]8;;http://evil\u0007b\u009b31mc\u202ed\u0000e\tf\ng\u007f";
    expect(sanitizeServerText(text)).toBe("a]8;;http://evilb31mcde\tf\ng");
  });

  it("leaves ordinary text, including non-Latin scripts, unchanged", () => {
    const text = "提示词过长：最多 300 个字符 — ok";
    expect(sanitizeServerText(text, "sk-unrelated")).toBe(text);
  });
});

describe("redactApiKey", () => {
  it("redacts the key in the same forms and leaves every other character, controls included, as it was", () => {
    const key = "sk-live-\r\nabc123";
    const text = `{"echo":"Bearer sk-live-abc123","raw":"${key}"}\u001b\u202e`;
    expect(redactApiKey(text, key)).toBe('{"echo":"Bearer [redacted]","raw":"[redacted]"}\u001b\u202e');
  });
});
