// Receiving webhooks: the request handler, its dedupe store, and the bridge to waitForCompletion.
export { createWebhookHandler, type WebhookDelivery, type WebhookHandlerOptions } from "./handler.js";
export { createMemoryWebhookIdStore, type MemoryWebhookIdStoreOptions, type WebhookIdStore } from "./store.js";
export { createTaskEvents, type TaskEventListener, type TaskEvents } from "./task-events.js";
