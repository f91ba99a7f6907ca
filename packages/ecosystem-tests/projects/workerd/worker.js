// A Cloudflare Worker: configured by its env bindings, answers each request with the report.
import * as sdk from "seedance-sdk";
import { scenario } from "./scenario.js";

export default {
  async fetch(_request, env) {
    const report = await scenario(sdk, env, env.RETRY_URL);
    return Response.json({ runtime: navigator.userAgent, ...report });
  },
};
