// SEEDANCE_API_KEY=sk-... SEEDANCE_WEBHOOK_SECRET=whsec_... node server.ts
// Serves the browser-page example too: STATIC_DIR=../browser-page (after `pnpm build` there).
import { createApp } from "./app.ts";

const {
  SEEDANCE_API_KEY,
  SEEDANCE_WEBHOOK_SECRET,
  SEEDANCE_WEBHOOK_URL,
  SEEDANCE_BASE_URL,
  STATIC_DIR,
  PORT = "3000",
} = process.env;
if (!SEEDANCE_API_KEY || !SEEDANCE_WEBHOOK_SECRET) {
  throw new Error("Set SEEDANCE_API_KEY and SEEDANCE_WEBHOOK_SECRET.");
}

const app = createApp({
  apiKey: SEEDANCE_API_KEY,
  baseUrl: SEEDANCE_BASE_URL,
  webhookSecret: SEEDANCE_WEBHOOK_SECRET,
  webhookUrl: SEEDANCE_WEBHOOK_URL, // e.g. https://your.app/webhooks/seedance
  onEvent: (event) => console.log("webhook:", event.event, event.data.taskId),
  staticDir: STATIC_DIR,
});
app.listen(Number(PORT), () => console.log(`listening on http://localhost:${PORT}`));
