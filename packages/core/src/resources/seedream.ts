// Seedream image generation (synchronous).
import type { APIPromise } from "../api-promise.js";
import { toSnakeCase } from "../case.js";
import type { GenerateImageResponse } from "../generated/types.gen.js";
import { generateImage } from "../generated/validators.gen.js";
import { type ClientContext, callOperation } from "../operation.js";
import type { RequestOptions } from "../transport/send.js";
import type { ImageGenerationParams, ImageGenerationResult } from "../types.js";

export class Seedream {
  readonly #context: ClientContext;

  constructor(context: ClientContext) {
    this.#context = context;
  }

  /** Generates 1–4 images and resolves with them (`images[0].url`). */
  generate(params: ImageGenerationParams, options?: RequestOptions): APIPromise<ImageGenerationResult> {
    const body = toSnakeCase(params);
    return callOperation<GenerateImageResponse>(this.#context, generateImage, { body }, options);
  }
}
