// The one thing every contender module provides, and how a worker process loads one.

/** A contender's one call, ready to repeat: construction happens once, outside the measurement. */
export type Call = () => Promise<unknown>;

/** Imports a compiled contender module and constructs its client against `baseUrl`. */
export async function loadContender(module: string, baseUrl: string): Promise<Call> {
  const { connect } = (await import(module)) as { connect: (baseUrl: string) => Call };
  return connect(baseUrl);
}
