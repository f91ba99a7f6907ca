// fal's synchronous `run`, sent through its proxy middleware: the supported way to point the
// client at another origin (`when: "always"` applies it outside browsers too).
import { createFalClient } from "@fal-ai/client";
import type { Call } from "../contender.ts";
import { API_KEY, PROMPT } from "./request.ts";

export function connect(baseUrl: string): Call {
  const client = createFalClient({ credentials: API_KEY, proxyUrl: { url: `${baseUrl}/fal/proxy`, when: "always" } });
  return () => client.run("fal-ai/flux/schnell", { input: { prompt: PROMPT } });
}
