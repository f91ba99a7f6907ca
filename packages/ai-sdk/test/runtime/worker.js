// An edge function: the settings arrive in the request body, as a deploy's env bindings would.
import { createSeedance } from "@seedance/ai-sdk";
import { experimental_generateVideo, generateImage } from "ai";
import { flow } from "./flow.js";

addEventListener("fetch", (event) => {
  event.respondWith(
    event.request.json().then(async (env) => {
      const seedance = createSeedance({ apiKey: env.SEEDANCE_API_KEY, baseURL: env.SEEDANCE_BASE_URL });
      const report = await flow({ seedance, generateImage, experimental_generateVideo });
      return Response.json({ runtime: EdgeRuntime, ...report });
    }),
  );
});
