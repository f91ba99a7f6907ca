// experimental_generateVideo's options → the API's video request. What the API has no field for
// gets a warning; an image that is not a URL is an error, because the API takes only URLs.
import {
  InvalidArgumentError,
  type SharedV4Warning,
  type Experimental_VideoModelV4CallOptions as VideoModelV4CallOptions,
} from "@ai-sdk/provider";
import type { VideoGenerationParams } from "@seedance/core";
import { VIDEO_RESOLUTIONS } from "./spec.js";

/** `providerOptions.seedance` of a video call: the API's own fields. */
export type SeedanceVideoOptions = Partial<Pick<VideoGenerationParams, "resolution" | "fps" | "imageInput">>;

export interface VideoRequest {
  params: Omit<VideoGenerationParams, "model">;
  warnings: SharedV4Warning[];
}

/** `1920x1080` → `1080p` when the spec lists that resolution; the API names resolutions by height. */
function resolutionFor(size: string): VideoGenerationParams["resolution"] | undefined {
  const height = /^\d+x(\d+)$/.exec(size)?.[1];
  const name = `${height}p`;
  return VIDEO_RESOLUTIONS.includes(name) ? (name as VideoGenerationParams["resolution"]) : undefined;
}

function imageUrl(options: VideoModelV4CallOptions): string | undefined {
  const image = options.image ?? options.frameImages?.find((frame) => frame.frameType === "first_frame")?.image;
  if (image === undefined) return undefined;
  if (image.type === "url") return image.url;
  throw new InvalidArgumentError({
    argument: "image",
    message:
      "Seedance takes the starting image as a URL (image_input), not as bytes. Upload the image where the API " +
      "can fetch it and pass `prompt: { text, image: 'https://…' }` (or a URL object).",
  });
}

function unsupported(feature: string, details: string): SharedV4Warning {
  return { type: "unsupported", feature, details };
}

export function videoRequest(options: VideoModelV4CallOptions & { webhookUrl?: string }): VideoRequest {
  const seedance = (options.providerOptions.seedance ?? {}) as SeedanceVideoOptions;
  const warnings: SharedV4Warning[] = [];
  let resolution = seedance.resolution;
  if (options.resolution !== undefined && resolution === undefined) {
    resolution = resolutionFor(options.resolution);
    if (resolution === undefined) {
      warnings.push(
        unsupported(
          "resolution",
          `Seedance renders ${VIDEO_RESOLUTIONS.join(", ")}; resolution ${options.resolution} was not sent, so the ` +
            "API's default applies. Pass providerOptions.seedance.resolution to choose one.",
        ),
      );
    }
  }
  if (options.aspectRatio !== undefined) {
    warnings.push(unsupported("aspectRatio", "The Seedance API has no aspect-ratio parameter; it was ignored."));
  }
  if (options.seed !== undefined) {
    warnings.push(unsupported("seed", "The Seedance video API takes no seed; it was ignored."));
  }
  if (options.generateAudio !== undefined) {
    warnings.push(unsupported("generateAudio", "The Seedance API has no audio option; it was ignored."));
  }
  if (options.frameImages?.some((frame) => frame.frameType === "last_frame")) {
    warnings.push(unsupported("frameImages", "Seedance animates from a first frame only; the last frame was ignored."));
  }
  if (options.inputReferences?.length) {
    warnings.push(unsupported("inputReferences", "Seedance takes no reference inputs; they were ignored."));
  }
  const imageInput = seedance.imageInput ?? imageUrl(options);
  const fps = seedance.fps ?? options.fps;
  const params = {
    prompt: options.prompt,
    // Required by the API; left for the spec's validation to report when missing.
    duration: options.duration,
    ...(resolution === undefined ? {} : { resolution }),
    ...(fps === undefined ? {} : { fps }),
    ...(imageInput === undefined ? {} : { imageInput }),
    ...(options.webhookUrl === undefined ? {} : { webhookUrl: options.webhookUrl }),
  } as VideoRequest["params"];
  return { params, warnings };
}
