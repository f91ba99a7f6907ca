// Makes a scripted server callable from the page's origin: answers preflights with exactly the
// request headers the API accepts, and exposes the rate-limit headers to the page's script.
import type { Script } from "@seedance/testkit";

const ALLOWED_HEADERS = "Authorization, Content-Type, Idempotency-Key";
const EXPOSED_HEADERS = "X-Request-Id, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After";

/** Wraps a script for cross-origin use; the script's index counts only the non-preflight requests. */
export function withCors(origin: string, script: Script): Script {
  let served = 0;
  return (request, response) => {
    response.setHeader("Access-Control-Allow-Origin", origin);
    if (request.method === "OPTIONS") {
      response.writeHead(204, {
        "Access-Control-Allow-Methods": "GET, POST",
        "Access-Control-Allow-Headers": ALLOWED_HEADERS,
      });
      response.end();
      return;
    }
    response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    return script(request, response, served++);
  };
}
