// The metric instruments, made once per instrumentation from the names table.
import type { Attributes, Counter, Gauge, Histogram, Meter } from "@opentelemetry/api";
import names from "./names.json" with { type: "json" };

export interface Instruments {
  calls: Counter<Attributes>;
  callDuration: Histogram<Attributes>;
  requestDuration: Histogram<Attributes>;
  rateLimited: Counter<Attributes>;
  holds: Counter<Attributes>;
  holdDuration: Histogram<Attributes>;
  quotaRemaining: Gauge<Attributes>;
}

type MetricKey = keyof typeof names.metrics;

export function createInstruments(meter: Meter): Instruments {
  const options = (key: MetricKey) => ({ unit: names.metrics[key].unit, description: names.metrics[key].description });
  const counter = (key: MetricKey) => meter.createCounter(names.metrics[key].name, options(key));
  const histogram = (key: MetricKey) => meter.createHistogram(names.metrics[key].name, options(key));
  return {
    calls: counter("calls"),
    callDuration: histogram("callDuration"),
    requestDuration: histogram("requestDuration"),
    rateLimited: counter("rateLimited"),
    holds: counter("holds"),
    holdDuration: histogram("holdDuration"),
    quotaRemaining: meter.createGauge(names.metrics.quotaRemaining.name, options("quotaRemaining")),
  };
}
