// Levelled logging to a console-like sink. Lines name methods, paths, statuses and timings only:
// never headers or bodies, so no key or prompt ends up in a log.

export type LogLevel = "debug" | "info" | "warn" | "error" | "off";
export type LogSink = Pick<Console, "debug" | "info" | "warn" | "error">;

const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3, off: 4 };

export type Logger = Record<Exclude<LogLevel, "off">, (message: string) => void> & {
  /** Whether debug lines are written, so callers skip building them otherwise. */
  debugEnabled: boolean;
};

export function createLogger(sink: LogSink, level: LogLevel): Logger {
  const at =
    (name: Exclude<LogLevel, "off">) =>
    (message: string): void => {
      if (ORDER[name] >= ORDER[level]) sink[name](`[seedance] ${message}`);
    };
  return {
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    debugEnabled: ORDER[level] === ORDER.debug,
  };
}
