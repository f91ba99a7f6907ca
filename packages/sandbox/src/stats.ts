// What the sandbox did, counted at the server so tests can check a client's promises (one task per
// logical request, no 429 beyond the quota) without trusting the client's own account.

/** One generation the sandbox actually made (a replayed idempotent answer is not one). */
export interface Generation {
  operationId: "generateImage" | "generateVideo";
  prompt: string;
  /** The task id (videos) or the first image's id. */
  id: string;
}

export interface SandboxStats {
  /** Every image set and video task created, in order. */
  generations: Generation[];
  /** 429 answers given. */
  rateLimited: number;
  /** All API requests answered (media downloads excluded). */
  requests: number;
}

export const newStats = (): SandboxStats => ({ generations: [], rateLimited: 0, requests: 0 });

/** A copy, so a caller cannot change the count. */
export const snapshot = (stats: SandboxStats): SandboxStats => ({ ...stats, generations: [...stats.generations] });
