// A Vercel Edge function: the test posts the settings it would have as environment variables.
import * as sdk from "seedance-sdk";
import { scenario } from "./scenario.js";

addEventListener("fetch", (event) => {
  event.respondWith(
    event.request.json().then(async (env) => {
      const report = await scenario(sdk, env, env.RETRY_URL);
      return Response.json({ runtime: EdgeRuntime, ...report });
    }),
  );
});
