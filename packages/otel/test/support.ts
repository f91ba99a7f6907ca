// Real OpenTelemetry SDK providers with in-memory exporters, and lookups of what they recorded.
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from "@opentelemetry/sdk-metrics";
import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import { type SeedanceInstrumentationOptions, seedanceInstrumentation } from "../src/index.js";

export function recorder(options: Omit<SeedanceInstrumentationOptions, "tracerProvider" | "meterProvider"> = {}) {
  const spans = new InMemorySpanExporter();
  const tracerProvider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter: spans })] });
  const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  const reader = new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 3_600_000 });
  const meterProvider = new MeterProvider({ readers: [reader] });
  const instrumentation = seedanceInstrumentation({ ...options, tracerProvider, meterProvider });
  return {
    instrumentation,
    spans: () => spans.getFinishedSpans(),
    /** Every data point of the metric `name`, after a collection. */
    async points(name: string) {
      await reader.forceFlush();
      const found = metricExporter
        .getMetrics()
        .flatMap((resource) => resource.scopeMetrics.flatMap((scope) => scope.metrics))
        .filter((metric) => metric.descriptor.name === name);
      return found.at(-1)?.dataPoints ?? [];
    },
    async shutdown() {
      await tracerProvider.shutdown();
      await meterProvider.shutdown();
    },
  };
}

export const named = (spans: ReadableSpan[], name: string) => spans.filter((span) => span.name === name);

export const only = (spans: ReadableSpan[], name: string): ReadableSpan => {
  const found = named(spans, name);
  if (found.length !== 1) throw new Error(`expected one span ${name}, found ${found.length}`);
  return found[0] as ReadableSpan;
};

export const childrenOf = (spans: ReadableSpan[], parent: ReadableSpan) =>
  spans.filter((span) => span.parentSpanContext?.spanId === parent.spanContext().spanId);

/** Every attribute value of every span and event, as text: what must never hold a secret. */
export const everyValue = (spans: ReadableSpan[]) =>
  spans.flatMap((span) => [
    span.name,
    span.status.message ?? "",
    ...Object.values(span.attributes).map(String),
    ...span.events.flatMap((event) => [event.name, ...Object.values(event.attributes ?? {}).map(String)]),
  ]);
