// What every runtime's run of projects/scenario.js must report.
import { expect } from "vitest";

export function expectQuickstart(report: unknown, build: "node" | "edge") {
  expect(report).toMatchObject({
    build,
    imageUrl: expect.stringMatching(/^https:\/\//),
    taskId: expect.any(String),
    status: "processing",
    retriedImages: 1,
    validation: "ValidationError",
  });
}
