// The edge client: core's client, configured from the runtime's environment.
import { SeedanceClient as CoreClient } from "@seedance/core";
import { type EdgeClientOptions, withEnvironment } from "./environment.js";

export class SeedanceClient extends CoreClient {
  /** `new SeedanceClient({ env })` in a Worker; `new SeedanceClient()` where `process.env` has the key. */
  constructor(options: EdgeClientOptions = {}) {
    super(withEnvironment(options));
  }
}
