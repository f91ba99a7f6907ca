// Combines abort signals by hand: AbortSignal.any is missing in some edge runtimes (edge-runtime 4).

/** A signal that aborts when any of `signals` does, with that one's reason; `dispose` drops the listeners. */
export function anySignal(signals: readonly AbortSignal[]): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const already = signals.find((signal) => signal.aborted);
  if (already) {
    controller.abort(already.reason);
    return { signal: controller.signal, dispose: () => {} };
  }
  const onAbort = (event: Event) => controller.abort((event.target as AbortSignal).reason);
  for (const signal of signals) signal.addEventListener("abort", onAbort, { once: true });
  const dispose = () => {
    for (const signal of signals) signal.removeEventListener("abort", onAbort);
  };
  return { signal: controller.signal, dispose };
}

/** `signal` bounded by a deadline of `timeoutMs`; `timedOut` says whether the deadline fired. */
export function withDeadline(signal: AbortSignal | undefined, timeoutMs: number) {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new DOMException("The download timed out", "TimeoutError")), timeoutMs);
  const combined = anySignal(signal ? [signal, deadline.signal] : [deadline.signal]);
  return {
    signal: combined.signal,
    timedOut: () => deadline.signal.aborted,
    dispose: () => {
      clearTimeout(timer);
      combined.dispose();
    },
  };
}
