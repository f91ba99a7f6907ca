// What this process knows that joins a task's spans: the span that submitted each task, and which
// task each video URL came from. Bounded: a long-running process forgets the oldest first. Spans in
// other processes (a webhook receiver, a batch worker) join through the `seedance.task.id` attribute.
import type { SpanContext } from "@opentelemetry/api";

const MAX_ENTRIES = 1000;

class BoundedMap<V> extends Map<string, V> {
  override set(key: string, value: V): this {
    this.delete(key);
    super.set(key, value);
    if (this.size > MAX_ENTRIES) this.delete(this.keys().next().value as string);
    return this;
  }
}

export class TaskLinks {
  readonly #submits = new BoundedMap<SpanContext>();
  readonly #taskOfUrl = new BoundedMap<string>();

  submitted(taskId: string, span: SpanContext): void {
    this.#submits.set(taskId, span);
  }

  submitOf(taskId: string): SpanContext | undefined {
    return this.#submits.get(taskId);
  }

  resultUrl(url: string, taskId: string): void {
    this.#taskOfUrl.set(url, taskId);
  }

  taskOfUrl(url: string): string | undefined {
    return this.#taskOfUrl.get(url);
  }
}
