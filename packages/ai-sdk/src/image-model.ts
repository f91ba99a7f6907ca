// seedance.image(modelId): Seedream through `generateImage`. The API answers with URLs; the images
// are downloaded here, because `generateImage` promises its callers bytes.
import type { ImageModelV4, ImageModelV4CallOptions, ImageModelV4Result, SharedV4Warning } from "@ai-sdk/provider";
import type { ImageGenerationParams, ImageModel } from "@seedance/core";
import { callAPI } from "./call.js";
import type { ProviderConfig } from "./config.js";
import { downloadBytes } from "./download.js";
import { chooseImageResolution, type SeedanceImageOptions } from "./image-options.js";
import { MAX_IMAGES_PER_CALL } from "./spec.js";

/** A Seedream model id; a newer one than this SDK knows passes through as a string. */
export type SeedanceImageModelId = ImageModel | (string & {});

const IMAGE_PATH = "/v1/seedream/generate";

export class SeedanceImageModel implements ImageModelV4 {
  readonly specificationVersion = "v4";
  readonly maxImagesPerCall = MAX_IMAGES_PER_CALL;
  readonly supportsFileInputs = false;
  readonly supportsMaskInputs = false;
  readonly modelId: SeedanceImageModelId;
  readonly #config: ProviderConfig;

  constructor(modelId: SeedanceImageModelId, config: ProviderConfig) {
    this.modelId = modelId;
    this.#config = config;
  }

  get provider(): string {
    return `${this.#config.provider}.image`;
  }

  async doGenerate(options: ImageModelV4CallOptions): Promise<ImageModelV4Result> {
    const { resolution, ...seedanceOptions } = (options.providerOptions.seedance ?? {}) as SeedanceImageOptions;
    const chosen = chooseImageResolution(options, resolution);
    const warnings: SharedV4Warning[] = [...chosen.warnings, ...unsupportedInputs(options)];
    const params = {
      ...seedanceOptions,
      prompt: options.prompt,
      model: this.modelId,
      numImages: options.n,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(chosen.resolution === undefined ? {} : { resolution: chosen.resolution }),
    } as ImageGenerationParams;
    const { data, requestId, timestamp, responseHeaders } = await callAPI(
      this.#config,
      { path: IMAGE_PATH, body: params, headers: options.headers, abortSignal: options.abortSignal },
      (client, request) => client.seedream.generate(params, request),
    );
    const images = await Promise.all(
      data.images.map((image) => downloadBytes(this.#config, image.url, options.abortSignal)),
    );
    return {
      images,
      warnings,
      providerMetadata: {
        seedance: {
          // Per image, because `generateImage` keeps only `images` when it merges its calls' metadata.
          images: data.images.map((image) => ({
            id: image.id,
            url: image.url,
            taskId: data.taskId,
            ...(image.width === undefined ? {} : { width: image.width }),
            ...(image.height === undefined ? {} : { height: image.height }),
            ...(image.format === undefined ? {} : { format: image.format }),
          })),
          taskId: data.taskId,
          model: data.model,
          ...(data.resolution === undefined ? {} : { resolution: data.resolution }),
          ...(data.processingTimeMs === undefined ? {} : { processingTimeMs: data.processingTimeMs }),
          ...(requestId === undefined ? {} : { requestId }),
        },
      },
      response: { timestamp, modelId: data.model, headers: responseHeaders },
    };
  }
}

/** Seedream generates from text only: image inputs and masks have nowhere to go. */
function unsupportedInputs(options: ImageModelV4CallOptions): SharedV4Warning[] {
  const warnings: SharedV4Warning[] = [];
  if (options.files?.length) {
    warnings.push({
      type: "unsupported",
      feature: "files",
      details: "Seedream takes no input images; they were ignored.",
    });
  }
  if (options.mask) {
    warnings.push({
      type: "unsupported",
      feature: "mask",
      details: "Seedream has no inpainting; the mask was ignored.",
    });
  }
  return warnings;
}
