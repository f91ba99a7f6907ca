// Types what prism-setup.ts provides to tests through vitest's `inject`.
import type {} from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the run's Prism mock. */
    prismUrl: string;
  }
}
