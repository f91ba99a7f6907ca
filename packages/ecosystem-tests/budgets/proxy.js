// The proxy budget: a Worker that only forwards a browser app's calls with the key added.
import { createProxyHandler } from "seedance-sdk";

export default {
  fetch: (request, env) => createProxyHandler({ apiKey: env.SEEDANCE_API_KEY, allowAnonymous: true })(request),
};
