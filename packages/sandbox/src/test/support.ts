// Test helpers: calls through Prism that fail on any spec violation, and polling.
import { assertNoViolations } from "@seedance/prism";

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

/** Calls the API at `baseUrl` as `apiKey` (a POST when there is a body); fails on any `sl-violations`. */
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
    assertNoViolations(response);
    return { status: response.status, headers: response.headers, body: await response.json() };
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
