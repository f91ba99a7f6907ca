import { describe, expect, it, vi } from "vitest";
import { createTaskEvents, type TaskEventSource, type WebhookEvent } from "../../src/index.js";

const event = (taskId: string, type: WebhookEvent["event"] = "task.completed") =>
  ({
    event: type,
    timestamp: "2024-01-15T10:35:00Z",
    data: { taskId, status: "completed", model: "seedance-1.0" },
  }) as WebhookEvent;

describe("createTaskEvents", () => {
  it("calls the listeners of the event's task only, until they unsubscribe", () => {
    const events = createTaskEvents();
    const [one, two, other] = [vi.fn(), vi.fn(), vi.fn()];
    const stopOne = events.subscribe("task-1", one);
    events.subscribe("task-1", two);
    events.subscribe("task-2", other);
    events.publish(event("task-1"));
    stopOne();
    events.publish(event("task-1", "task.progress"));
    expect(one.mock.calls).toEqual([[event("task-1")]]);
    expect(two).toHaveBeenCalledTimes(2);
    expect(other).not.toHaveBeenCalled();
  });

  it("lets a listener unsubscribe while being called without skipping the others", () => {
    const events = createTaskEvents();
    const second = vi.fn();
    const stop = events.subscribe("task-1", () => stop());
    events.subscribe("task-1", second);
    events.publish(event("task-1"));
    expect(second).toHaveBeenCalledOnce();
  });

  it("is a TaskEventSource, what waitForCompletion's webhook option takes", () => {
    const source: TaskEventSource = createTaskEvents();
    expect(source.subscribe("task-1", () => {})).toBeTypeOf("function");
  });
});
