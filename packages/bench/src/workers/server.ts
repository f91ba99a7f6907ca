// The loopback API, in its own process so serving never competes with the client being measured
// inside one event loop. Every route answers at once with a small fixed JSON in the shape its
// caller expects, serialised once; the request body is read in full first, as a real server would.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const IMAGE_URL = "https://cdn.example.com/images/img-001.png";
const ANSWERS: [RegExp, unknown][] = [
  // Our API (seedance-sdk, openapi-fetch, raw fetch, undici): the spec's example envelope.
  [
    /^\/v1\/seedream\/generate$/,
    {
      status: "success",
      data: {
        task_id: "task-001",
        images: [{ id: "img-001", url: IMAGE_URL, width: 1024, height: 1024, format: "png", size_bytes: 1048576 }],
        model: "seedream-4.5",
        resolution: "1024x1024",
        processing_time_ms: 2500,
      },
    },
  ],
  [/^\/v1\/images\/generations$/, { created: 1736937300, data: [{ url: IMAGE_URL }] }],
  [
    /^\/v1\/models\/[^/]+\/[^/]+\/predictions$/,
    {
      id: "pred-001",
      model: "black-forest-labs/flux-schnell",
      version: "hidden",
      input: { prompt: "A red barn at dawn" },
      status: "starting",
      created_at: "2025-01-15T10:35:00.000Z",
      urls: { get: "https://api.replicate.com/v1/predictions/pred-001" },
    },
  ],
  [/^\/fal\/proxy$/, { images: [{ url: IMAGE_URL, width: 1024, height: 1024, content_type: "image/png" }], seed: 1 }],
];
const BODIES = ANSWERS.map(([path, body]) => [path, Buffer.from(JSON.stringify(body))] as const);
const NOT_FOUND = Buffer.from(JSON.stringify({ status: "error", error: { code: "NOT_FOUND", message: "No route" } }));

const server = createServer((request, response) => {
  request.resume();
  request.on("end", () => {
    const path = request.url?.split("?")[0] ?? "";
    const body = BODIES.find(([pattern]) => pattern.test(path))?.[1];
    response.writeHead(body ? 200 : 404, {
      "Content-Type": "application/json",
      "Content-Length": (body ?? NOT_FOUND).length,
      "X-Request-Id": "req-001",
    });
    response.end(body ?? NOT_FOUND);
  });
});
// Idle keep-alive connections must outlive the pauses between repetitions, or a contender pays a
// new connection that another did not.
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  console.log(JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
});
