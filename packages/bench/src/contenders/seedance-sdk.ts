// Our SDK as users install it: `seedance-sdk` resolves to @seedance/node in Node (which sends over
// node:http) and to @seedance/browser when bundled for the browser.
import { SeedanceClient } from "seedance-sdk";
import type { Call } from "../contender.ts";
import { API_KEY, PROMPT } from "./request.ts";

export function connect(baseUrl: string): Call {
  const client = new SeedanceClient({ apiKey: API_KEY, baseUrl });
  return () => client.seedream.generate({ prompt: PROMPT, model: "seedream-4.5" });
}
