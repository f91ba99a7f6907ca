// Our fetch-based build as Workers, Vercel Edge and Deno run it (@seedance/edge), here running in
// Node: the same core over fetch instead of node:http.
import { SeedanceClient } from "@seedance/edge";
import type { Call } from "../contender.ts";
import { API_KEY, PROMPT } from "./request.ts";

export function connect(baseUrl: string): Call {
  const client = new SeedanceClient({ apiKey: API_KEY, baseUrl });
  return () => client.seedream.generate({ prompt: PROMPT, model: "seedream-4.5" });
}
