// The public shapes: each is a generated (spec) type, camelCased. Nothing here restates a field.
import type { CamelCase } from "./case.js";
import type * as Spec from "./generated/types.gen.js";

export type ImageGenerationParams = CamelCase<Spec.ImageGenerationRequest>;
export type ImageGenerationResult = CamelCase<Spec.ImageGenerationResult>;
export type GeneratedImage = CamelCase<Spec.Image>;
export type VideoGenerationParams = CamelCase<Spec.VideoGenerationRequest>;
export type VideoTask = CamelCase<Spec.VideoTask>;
export type TaskStatus = CamelCase<Spec.TaskStatus>;
export type TaskResult = CamelCase<Spec.TaskResult>;
export type VideoResult = CamelCase<Spec.VideoResult>;
export type TaskState = Spec.TaskState;
export type ImageModel = Spec.ImageModel;
export type ImageResolution = Spec.ImageResolution;
export type ImageQuality = Spec.ImageQuality;
export type VideoResolution = Spec.VideoResolution;
export type VideoModel = Spec.VideoModel;
export type ErrorCode = Spec.ErrorCode;

/** A task that finished: completed with its video, or failed with the reason. */
export type FinishedTask =
  | (TaskStatus & { status: "completed"; result: VideoResult; videoUrl: string })
  | (TaskStatus & { status: "failed"; errorMessage: string });
