// One POST over node:http with a keep-alive agent, shared by the two raw node:http contenders, which
// differ only in how they load the module. Types only here: loading is the contenders' business.
import type * as Http from "node:http";
import type { Call } from "../contender.ts";
import { API_KEY, PROMPT } from "./request.ts";

export function httpCall(http: typeof Http, baseUrl: string): Call {
  const url = `${baseUrl}/v1/seedream/generate`;
  const agent = new http.Agent({ keepAlive: true });
  const body = JSON.stringify({ prompt: PROMPT, model: "seedream-4.5" });
  const headers = {
    Authorization: `Bearer ${API_KEY}`,
    "Content-Type": "application/json",
    "Content-Length": String(Buffer.byteLength(body)),
  };
  return () =>
    new Promise((resolve, reject) => {
      const outgoing = http.request(url, { method: "POST", headers, agent }, (incoming) => {
        let text = "";
        incoming.setEncoding("utf8");
        incoming.on("data", (chunk: string) => (text += chunk));
        incoming.on("end", () =>
          incoming.statusCode === 200 ? resolve(JSON.parse(text)) : reject(new Error(`HTTP ${incoming.statusCode}`)),
        );
        incoming.on("error", reject);
      });
      outgoing.on("error", reject);
      outgoing.end(body);
    });
}
