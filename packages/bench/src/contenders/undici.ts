// The floor for Node: undici's own request API, without fetch's web-standard Request/Response objects.
import { request } from "undici";
import type { Call } from "../contender.ts";
import { API_KEY, PROMPT } from "./request.ts";

export function connect(baseUrl: string): Call {
  const url = `${baseUrl}/v1/seedream/generate`;
  return async () => {
    const { statusCode, body } = await request(url, {
      method: "POST",
      headers: { Authorization: `Bearer ${API_KEY}`, "Content-Type": "application/json" },
      body: JSON.stringify({ prompt: PROMPT, model: "seedream-4.5" }),
    });
    if (statusCode !== 200) throw new Error(`HTTP ${statusCode}`);
    return body.json();
  };
}
