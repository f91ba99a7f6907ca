// openai's typed image call (POST /images/generations), pointed at the loopback server.
import OpenAI from "openai";
import type { Call } from "../contender.ts";
import { API_KEY, PROMPT } from "./request.ts";

export function connect(baseUrl: string): Call {
  const client = new OpenAI({ apiKey: API_KEY, baseURL: `${baseUrl}/v1`, dangerouslyAllowBrowser: true });
  return () => client.images.generate({ model: "gpt-image-1", prompt: PROMPT });
}
