// @seedance/ai-sdk: Seedream images and Seedance videos as Vercel AI SDK models.
export type { SeedanceProviderSettings } from "./config.js";
export type { SeedanceImageModel, SeedanceImageModelId } from "./image-model.js";
export type { SeedanceImageOptions } from "./image-options.js";
export { createSeedance, type SeedanceProvider, seedance } from "./provider.js";
export type { SeedanceVideoModel, SeedanceVideoModelId } from "./video-model.js";
export type { SeedanceVideoOptions } from "./video-options.js";
