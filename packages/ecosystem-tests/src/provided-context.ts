// Types what the globalSetups provide to tests through vitest's `inject` (prismUrl: see testkit).
import type {} from "@seedance/testkit";
import type {} from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** The packed tarballs' paths, by package name. */
    tarballs: Record<string, string>;
    /** A folder outside the workspace for consumer projects, removed after the run. */
    scratchRoot: string;
  }
}
