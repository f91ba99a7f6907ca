// Our SDK with tracing and metrics on: @seedance/otel recording into the OpenTelemetry SDK's
// providers (no exporter, so what is measured is the SDK's own cost, not the network's).
import { MeterProvider } from "@opentelemetry/sdk-metrics";
import { TracerProvider } from "@opentelemetry/sdk-trace";
import { seedanceInstrumentation } from "@seedance/otel";
import { SeedanceClient } from "seedance-sdk";
import type { Call } from "../contender.ts";
import { API_KEY, PROMPT } from "./request.ts";

export function connect(baseUrl: string): Call {
  const instrumentation = seedanceInstrumentation({
    tracerProvider: new TracerProvider(),
    meterProvider: new MeterProvider(),
  });
  const client = new SeedanceClient({ apiKey: API_KEY, baseUrl, instrumentation });
  return () => client.seedream.generate({ prompt: PROMPT, model: "seedream-4.5" });
}
