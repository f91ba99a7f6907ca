// createSeedance() and the default `seedance` provider, shaped like the official AI SDK providers.
import { NoSuchModelError, type ProviderV4 } from "@ai-sdk/provider";
import { createConfig, type SeedanceProviderSettings } from "./config.js";
import { SeedanceImageModel, type SeedanceImageModelId } from "./image-model.js";
import { SeedanceVideoModel, type SeedanceVideoModelId } from "./video-model.js";
import { WebhookDeliveries } from "./webhook.js";

export interface SeedanceProvider extends ProviderV4 {
  /** A Seedream model for `generateImage`. */
  image(modelId: SeedanceImageModelId): SeedanceImageModel;
  imageModel(modelId: SeedanceImageModelId): SeedanceImageModel;
  /** A Seedance model for `experimental_generateVideo`. */
  video(modelId: SeedanceVideoModelId): SeedanceVideoModel;
  videoModel(modelId: SeedanceVideoModelId): SeedanceVideoModel;
}

export function createSeedance(settings: SeedanceProviderSettings = {}): SeedanceProvider {
  const config = createConfig(settings);
  const webhooks = new WebhookDeliveries(config.client, config.webhookSecret);
  const image = (modelId: SeedanceImageModelId) => new SeedanceImageModel(modelId, config);
  const video = (modelId: SeedanceVideoModelId) => new SeedanceVideoModel(modelId, config, webhooks);
  const noSuchModel = (modelType: "languageModel" | "embeddingModel") => (modelId: string) => {
    throw new NoSuchModelError({ modelId, modelType });
  };
  return {
    specificationVersion: "v4",
    image,
    imageModel: image,
    video,
    videoModel: video,
    languageModel: noSuchModel("languageModel"),
    embeddingModel: noSuchModel("embeddingModel"),
  };
}

/** The default provider: SEEDANCE_API_KEY, SEEDANCE_BASE_URL and SEEDANCE_WEBHOOK_SECRET from the environment. */
export const seedance: SeedanceProvider = createSeedance();
