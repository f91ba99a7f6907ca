// Calls each operation once through openapi-fetch, typed by the paths openapi-typescript generated
// (./seedance.d.ts), against the base URL given as the only argument.
import createClient from "openapi-fetch";
import type { paths } from "./seedance.d.ts";

const client = createClient<paths>({
  baseUrl: process.argv[2],
  headers: { Authorization: "Bearer sk-test-generator-matrix" },
});

function ok<T>(operation: string, answer: { data?: T; error?: unknown; response: Response }): T {
  if (answer.data === undefined)
    throw new Error(`${operation}: ${answer.response.status} ${JSON.stringify(answer.error)}`);
  return answer.data;
}

const image = ok(
  "generateImage",
  await client.POST("/v1/seedream/generate", { body: { prompt: "A lighthouse at dawn", model: "seedream-4.5" } }),
);
console.log("generateImage:", image.data.images.length, "image(s)");
const video = ok(
  "generateVideo",
  await client.POST("/v1/seedance/generate", {
    body: { prompt: "A lighthouse at dawn", model: "seedance-1.5-pro", duration: 5 },
  }),
);
const path = { task_id: video.data.task_id };
console.log("generateVideo:", path.task_id);
const status = ok("getTaskStatus", await client.GET("/v1/tasks/{task_id}", { params: { path } }));
console.log("getTaskStatus:", status.data.status);
const result = ok("getTaskResult", await client.GET("/v1/results/{task_id}", { params: { path } }));
console.log("getTaskResult:", result.data.status);
