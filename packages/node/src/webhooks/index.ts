export { createWebhookMiddleware } from "./middleware.js";
