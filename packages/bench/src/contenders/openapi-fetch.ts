// openapi-fetch on our own operation: a thin typed fetch with no mapping, validation or retries.
import type { ErrorResponse, ImageGenerationRequest, ImageGenerationResponse } from "@seedance/core/api";
import createClient from "openapi-fetch";
import type { Call } from "../contender.ts";
import { API_KEY, PROMPT } from "./request.ts";

/** The one path of our spec this call needs, in openapi-typescript's shape. */
interface Paths {
  "/v1/seedream/generate": {
    post: {
      requestBody: { content: { "application/json": ImageGenerationRequest } };
      responses: {
        200: { content: { "application/json": ImageGenerationResponse } };
        default: { content: { "application/json": ErrorResponse } };
      };
    };
  };
}

export function connect(baseUrl: string): Call {
  const client = createClient<Paths>({ baseUrl, headers: { Authorization: `Bearer ${API_KEY}` } });
  return async () => {
    const { data, error } = await client.POST("/v1/seedream/generate", {
      body: { prompt: PROMPT, model: "seedream-4.5" },
    });
    if (error) throw new Error(error.error.message);
    return data;
  };
}
