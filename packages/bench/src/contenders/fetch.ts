// The baseline: what a careful user writes by hand with the platform's fetch.
import type { Call } from "../contender.ts";
import { API_KEY, PROMPT } from "./request.ts";

export function connect(baseUrl: string): Call {
  const url = `${baseUrl}/v1/seedream/generate`;
  return async () => {
    const response = await fetch(url, {
      method: "POST",
      headers: { Authorization: `Bearer ${API_KEY}`, "Content-Type": "application/json" },
      body: JSON.stringify({ prompt: PROMPT, model: "seedream-4.5" }),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  };
}
