// A server that echoes the key everywhere it can: into a 2xx body that is not JSON, an error's
// message, details, headers and request id, a redirect's Location, with terminal escapes mixed in.
// None of it reaches the caller: every piece of server text in an error is sanitised (no control
// characters) with the key redacted, in every form the SDK sent it.
import type { ServerResponse } from "node:http";
import { inspect } from "node:util";
import { type RecordedRequest, sendJson, startScriptedServer } from "@seedance/testkit";
import { describe, expect, it } from "vitest";
import {
  APIConnectionError,
  AuthenticationError,
  BadRequestError,
  RedirectError,
  type SeedanceError,
  UnexpectedResponseError,
} from "../../src/index.js";
import { BUILDS } from "./builds.js";

const KEY = "sk-hostile-echo-5d1c";
const ESCAPES = "\u001b]8;;https://evil.example\u0007\u001b[2J\u202e";

/** Everything a caller, a logger or a debugger could show of an error, its causes included. */
const exposed = (error: unknown) =>
  [String(error), (error as Error).stack, JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })].join(
    "\n",
  );

/** What the server saw of the key, as it would echo it: the header exactly as it arrived. */
const sentCredential = (request: RecordedRequest) =>
  String(request.headers.authorization ?? request.headers["x-api-key"]);

type Echo = (response: ServerResponse, credential: string) => void;

const echoes: [string, Echo, abstract new (...args: never[]) => SeedanceError][] = [
  [
    "a 2xx body that is not JSON",
    (response, credential) => {
      response.writeHead(200, { "content-type": "text/plain" });
      response.end(`you sent ${credential} ${ESCAPES}`);
    },
    UnexpectedResponseError,
  ],
  [
    "an error's details",
    (response, credential) =>
      sendJson(response, 400, {
        status: "error",
        error: {
          code: `INVALID_REQUEST${ESCAPES}`,
          message: "bad input",
          details: { field: "prompt", value: credential, constraint: ESCAPES, limit: [credential], [KEY]: credential },
        },
      }),
    BadRequestError,
  ],
  [
    "a 401 message",
    (response, credential) =>
      sendJson(response, 401, {
        status: "error",
        error: { code: "INVALID_API_KEY", message: `${ESCAPES}the key ${credential} is not valid` },
      }),
    AuthenticationError,
  ],
  [
    "the response headers and request id",
    (response, credential) =>
      sendJson(
        response,
        401,
        { status: "error", error: { code: "UNAUTHORIZED", message: "no" } },
        {
          "x-request-id": `req-${credential}`,
          "www-authenticate": `${credential}, realm="api"`,
        },
      ),
    AuthenticationError,
  ],
  [
    "a redirect's Location",
    (response, credential) => {
      response.writeHead(307, {
        location: `https://evil.example/?k=${encodeURIComponent(credential).replace(/%20/g, " ")}&raw=${credential}`,
      });
      response.end();
    },
    RedirectError,
  ],
];

describe.each(BUILDS)("the $name", ({ Client }) => {
  describe.each(["bearer", "x-api-key"] as const)("with the %s scheme, a server that echoes the key", (authScheme) => {
    it.each(echoes)("in %s: neither the key nor a control character reaches the error", async (_, echo, ErrorClass) => {
      const server = await startScriptedServer((request, response) => echo(response, sentCredential(request)));
      try {
        const client = new Client({ apiKey: KEY, authScheme, baseUrl: server.url, maxRetries: 0 });
        const error = await client.task.getStatus("task-1").catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(ErrorClass);
        const text = exposed(error);
        expect(text).toContain("[redacted]");
        expect(text).not.toContain(KEY);
        expect(text).not.toContain("evil.example\u0007");
        // As JSON, where a control character shows as \u001b and a bidi override as itself.
        expect(JSON.stringify({ message: (error as Error).message, ...(error as object) })).not.toMatch(
          /\\u00(1b|07)|\u202e/,
        );
      } finally {
        await server.stop();
      }
    });
  });

  it("a key containing CR/LF is in no error and no error.cause, and nothing is sent", async () => {
    const server = await startScriptedServer((_, response) => sendJson(response, 200, {}));
    const key = `${KEY}\r\nx-injected: 1`;
    try {
      for (const authScheme of ["bearer", "x-api-key"] as const) {
        const client = new Client({ apiKey: key, authScheme, baseUrl: server.url, maxRetries: 0 });
        const error = await client.task.getStatus("task-1").catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(APIConnectionError);
        expect((error as Error).cause).toBeDefined();
        const text = exposed(error);
        expect(text).not.toContain(KEY);
        expect(text).not.toContain("x-injected");
      }
      expect(server.requests).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});
