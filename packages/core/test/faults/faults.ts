// The fault catalogue: each fault is a way a server or network misbehaves, scripted on a loopback
// server. `first` faults hit only the first attempt of a call (a retry then succeeds); `always`
// faults hit every attempt.
import type { ServerResponse } from "node:http";
import { sendJson } from "@seedance/testkit";
import { errorBody } from "../behaviour/fixtures.js";

type Answer = (res: ServerResponse, ok: { status: number; body: unknown }) => void;

export interface Fault {
  name: string;
  /** Which attempts of a call it hits. */
  hits: "first" | "always";
  answer: Answer;
  /** The call's outcome: success, or the name of the typed error it must end with. */
  outcome: "success" | "APIConnectionError" | "APITimeoutError" | "UnexpectedResponseError" | "ServiceUnavailableError";
}

const json = (body: unknown) => JSON.stringify(body);

function dribble(res: ServerResponse, ok: { status: number; body: unknown }, totalMs: number) {
  const text = json(ok.body);
  res.writeHead(ok.status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  const step = Math.max(1, Math.floor(totalMs / text.length));
  let sent = 0;
  const timer = setInterval(() => {
    if (res.destroyed) return clearInterval(timer);
    res.write(text.slice(sent, sent + 1));
    if (++sent >= text.length) {
      clearInterval(timer);
      res.end();
    }
  }, step);
  res.on("close", () => clearInterval(timer));
}

export const faults: Fault[] = [
  {
    name: "connection reset before headers",
    hits: "first",
    outcome: "success",
    answer: (res) => res.socket?.destroy(),
  },
  {
    name: "connection reset after headers",
    hits: "first",
    outcome: "success",
    answer: (res, ok) => {
      res.writeHead(ok.status, { "content-type": "application/json", "content-length": "4096" });
      res.flushHeaders();
      setTimeout(() => res.socket?.destroy(), 20);
    },
  },
  {
    name: "connection reset mid-body",
    hits: "first",
    outcome: "success",
    answer: (res, ok) => {
      const text = json(ok.body);
      res.writeHead(ok.status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
      res.write(text.slice(0, text.length / 2));
      setTimeout(() => res.socket?.destroy(), 20);
    },
  },
  {
    name: "truncated JSON",
    hits: "first",
    outcome: "UnexpectedResponseError",
    answer: (res, ok) => sendJson(res, ok.status, json(ok.body).slice(0, 25)),
  },
  {
    name: "invalid JSON",
    hits: "first",
    outcome: "UnexpectedResponseError",
    answer: (res, ok) => sendJson(res, ok.status, "{oops"),
  },
  { name: "stall before headers past the timeout", hits: "always", outcome: "APITimeoutError", answer: () => {} },
  {
    name: "body dribbled slowly, within the timeout",
    hits: "always",
    outcome: "success",
    answer: (res, ok) => dribble(res, ok, 300),
  },
  {
    name: "body dribbled past the timeout",
    hits: "always",
    outcome: "APITimeoutError",
    answer: (res, ok) => dribble(res, ok, 5000),
  },
  {
    name: "429 with Retry-After in seconds",
    hits: "first",
    outcome: "success",
    answer: (res) => sendJson(res, 429, errorBody("RATE_LIMITED"), { "retry-after": "1" }),
  },
  {
    name: "429 with Retry-After as an HTTP date",
    hits: "first",
    outcome: "success",
    answer: (res) =>
      sendJson(res, 429, errorBody("RATE_LIMITED"), { "retry-after": new Date(Date.now() + 1500).toUTCString() }),
  },
  {
    name: "503 storm",
    hits: "always",
    outcome: "ServiceUnavailableError",
    answer: (res) => sendJson(res, 503, errorBody("SERVICE_UNAVAILABLE"), { "retry-after": "0" }),
  },
  {
    name: "500 then success",
    hits: "first",
    outcome: "success",
    answer: (res) => sendJson(res, 500, errorBody("INTERNAL_ERROR")),
  },
];
