export { createWebhookMiddleware } from "./middleware.js";
export {
  createWebhookHandler,
  createWebhookVerifier,
  nodeHmac,
  verifyWebhook,
  verifyWebhookRequest,
} from "./node-hmac.js";
