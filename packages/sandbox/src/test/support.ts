// Test helpers: calls through the sandbox that fail when its answer breaks the spec, and polling.
import { violationsOf } from "@seedance/prism";

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
  /** Prism's verdict on the request (its `sl-violations` about the request). */
  violations: { location: string[]; message: string }[];
}

/**
 * Calls the API at `baseUrl` as `apiKey` (a POST when there is a body). Fails when Prism finds the
 * answer breaks the spec; the request's own violations (a test's invalid request) are `violations`.
 */
export function apiClient(baseUrl: string, apiKey?: string) {
  return async (path: string, init: { body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: init.body === undefined ? "GET" : "POST",
      headers: {
        ...(apiKey ? { Authorization: `Bearer ${apiKey}` } : {}),
        ...(init.body === undefined ? {} : { "Content-Type": "application/json" }),
        ...init.headers,
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    const violations = violationsOf(response) as { location: string[]; message: string }[];
    const ofResponse = violations.filter(({ location }) => location[0] !== "request");
    if (ofResponse.length > 0) throw new Error(`the answer breaks the spec: ${JSON.stringify(ofResponse)}`);
    return { status: response.status, headers: response.headers, body: await response.json(), violations };
  };
}

/** Polls `probe` every 50 ms until it returns a value, or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nothing within ${timeoutMs} ms`);
}
