// replicate's prediction create (POST /models/{owner}/{name}/predictions), which answers at once;
// `run()` would poll until the prediction finishes.
import Replicate from "replicate";
import type { Call } from "../contender.ts";
import { API_KEY, PROMPT } from "./request.ts";

export function connect(baseUrl: string): Call {
  const client = new Replicate({ auth: API_KEY, baseUrl: `${baseUrl}/v1` });
  return () => client.predictions.create({ model: "black-forest-labs/flux-schnell", input: { prompt: PROMPT } });
}
