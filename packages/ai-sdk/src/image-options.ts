// `size` and `aspectRatio` of generateImage → the API's `resolution`. The API offers only the
// resolutions its spec lists; a value it cannot honour is dropped with a warning, never rounded.
import type { ImageModelV4CallOptions, SharedV4Warning } from "@ai-sdk/provider";
import type { ImageGenerationParams } from "@seedance/core";
import { IMAGE_RESOLUTIONS } from "./spec.js";

/** `providerOptions.seedance` of an image call: the API's own fields. */
export type SeedanceImageOptions = Pick<ImageGenerationParams, "quality" | "style" | "resolution">;

const greatestCommonDivisor = (a: number, b: number): number => (b === 0 ? a : greatestCommonDivisor(b, a % b));

function reducedRatio(width: number, height: number): string {
  const divisor = greatestCommonDivisor(width, height);
  return `${width / divisor}:${height / divisor}`;
}

/** The aspect ratios the listed `WxH` resolutions have (`4k` names no size, so it adds none). */
export const IMAGE_ASPECT_RATIOS: readonly string[] = [
  ...new Set(
    IMAGE_RESOLUTIONS.flatMap((resolution) => {
      const match = /^(\d+)x(\d+)$/.exec(resolution);
      return match ? [reducedRatio(Number(match[1]), Number(match[2]))] : [];
    }),
  ),
];

export interface ImageResolutionChoice {
  resolution: ImageGenerationParams["resolution"] | undefined;
  warnings: SharedV4Warning[];
}

export function chooseImageResolution(
  options: Pick<ImageModelV4CallOptions, "size" | "aspectRatio">,
  explicit: SeedanceImageOptions["resolution"],
): ImageResolutionChoice {
  const warnings: SharedV4Warning[] = [];
  let resolution = explicit;
  if (options.size !== undefined) {
    if (explicit !== undefined) {
      warnings.push({
        type: "other",
        message: `size ${options.size} was ignored: providerOptions.seedance.resolution (${explicit}) takes precedence.`,
      });
    } else if (IMAGE_RESOLUTIONS.includes(options.size)) {
      resolution = options.size as ImageGenerationParams["resolution"];
    } else {
      warnings.push({
        type: "unsupported",
        feature: "size",
        details:
          `Seedream generates only ${IMAGE_RESOLUTIONS.join(", ")}; size ${options.size} was not sent, so the ` +
          "API's default resolution applies. Pass one of those sizes, or providerOptions.seedance.resolution.",
      });
    }
  }
  if (options.aspectRatio !== undefined && !IMAGE_ASPECT_RATIOS.includes(options.aspectRatio)) {
    warnings.push({
      type: "unsupported",
      feature: "aspectRatio",
      details: `Seedream generates only ${IMAGE_ASPECT_RATIOS.join(", ")} images; aspectRatio ${options.aspectRatio} was ignored.`,
    });
  }
  return { resolution, warnings };
}
