// @seedance/otel: the SDK's instrumentation hook as OpenTelemetry spans and metrics, through
// @opentelemetry/api alone (the application brings the SDK and its exporters).
import { type MeterProvider, metrics, type TracerProvider, trace } from "@opentelemetry/api";
import type { CallObserver, Instrumentation } from "@seedance/core";
import { createInstruments } from "./instruments.js";
import names from "./names.json" with { type: "json" };
import { ObservedCall } from "./observed-call.js";
import { TaskLinks } from "./task-links.js";

export interface SeedanceInstrumentationOptions {
  /** Where spans go (default: the global tracer provider, as `trace.setGlobalTracerProvider` set it). */
  tracerProvider?: TracerProvider;
  /** Where metrics go (default: the global meter provider). */
  meterProvider?: MeterProvider;
  /**
   * Record each call's prompt in the `seedance.prompt` attribute (default false: prompts can hold
   * what users would not want in a trace store). The API key and webhook secrets are never recorded.
   */
  recordPrompts?: boolean;
}

const VERSION = "0.1.0";

/**
 * The `instrumentation` option of a `SeedanceClient`: one span per logical call with a child per HTTP
 * attempt, holds, retries and polls as events, submit, wait and download linked by the task's id,
 * and the call, attempt, 429, hold and quota metrics.
 */
export function seedanceInstrumentation(options: SeedanceInstrumentationOptions = {}): Instrumentation {
  const tracer = (options.tracerProvider ?? trace.getTracerProvider()).getTracer(names.instrumentationScope, VERSION);
  const meter = (options.meterProvider ?? metrics.getMeterProvider()).getMeter(names.instrumentationScope, VERSION);
  const shared = {
    tracer,
    instruments: createInstruments(meter),
    links: new TaskLinks(),
    recordPrompts: options.recordPrompts ?? false,
  };
  return {
    start: (call, parent) => {
      // A tracer provider that throws must not fail the call it observes.
      try {
        return new ObservedCall(shared, call, parent);
      } catch {
        return UNOBSERVED;
      }
    },
  };
}

const UNOBSERVED: CallObserver = {
  attempt: () => () => {},
  hold: () => {},
  retry: () => {},
  poll: () => {},
  end: () => {},
};
