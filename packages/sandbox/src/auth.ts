// API keys: sent as `Authorization: Bearer <key>` or `X-API-Key: <key>`; every `sk-test-` key is valid.
import type { IncomingHttpHeaders } from "node:http";
import type { ApiError } from "./http.ts";

const TEST_KEY_PREFIX = "sk-test-";

/** The request's API key, or the 401 that refuses it. */
export function authenticate(headers: IncomingHttpHeaders): string | ApiError {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? "")?.[1];
  const header = headers["x-api-key"];
  const key = bearer ?? (typeof header === "string" && header !== "" ? header : undefined);
  if (key === undefined) {
    const message = "Missing API key: send Authorization: Bearer <key> or X-API-Key: <key>";
    return { status: 401, code: "UNAUTHORIZED", message };
  }
  if (!key.startsWith(TEST_KEY_PREFIX)) {
    return {
      status: 401,
      code: "INVALID_API_KEY",
      message: `API key is invalid: sandbox keys start with ${TEST_KEY_PREFIX}`,
    };
  }
  return key;
}
