// The fleet's engines are optional peer dependencies, loaded on first use, so that a batch on one
// machine installs neither BullMQ nor a Redis client.

export class MissingPeerError extends Error {
  override name = "MissingPeerError";
}

const isMissing = (error: unknown, name: string) => {
  const { code, message } = error as NodeJS.ErrnoException;
  return (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") && message.includes(`'${name}'`);
};

/** `import(name)`, or a MissingPeerError that says what to install. */
export async function loadPeer<T>(name: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (!isMissing(error, name)) throw error;
    throw new MissingPeerError(
      `A batch fleet on Redis needs ${name}, which is not installed (the one-machine batch does without it). ` +
        "Install it beside @seedance/jobs: npm install bullmq ioredis @seedance/redis",
    );
  }
}

export const loadBullmq = (): Promise<typeof import("bullmq")> => loadPeer("bullmq", () => import("bullmq"));
export const loadIoredis = (): Promise<{ Redis: typeof import("ioredis").Redis }> =>
  loadPeer("ioredis", () => import("ioredis"));
export const loadSeedanceRedis = (): Promise<typeof import("@seedance/redis")> =>
  loadPeer("@seedance/redis", () => import("@seedance/redis"));
