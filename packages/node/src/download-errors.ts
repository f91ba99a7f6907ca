// The errors only downloads throw. Kept apart from download.ts, which loads node:fs and node:crypto,
// so that exporting them costs an `import "@seedance/node"` nothing.
import { SeedanceError } from "@seedance/edge";

/** The download's target already exists (a file, a folder or a symlink) and `overwrite` was not set. */
export class DestinationExistsError extends SeedanceError {
  override name = "DestinationExistsError";
  /** The path that exists, as given (or resolved against the current folder). */
  readonly path: string;
  constructor(path: string) {
    super(
      `${path} already exists, so the download was not saved. Pass overwrite: true to replace it, or choose another path.`,
    );
    this.path = path;
  }
}

/** A download that arrived whole but is not what was announced (its size) or expected (its `sha256`). */
export class DownloadVerificationError extends SeedanceError {
  override name = "DownloadVerificationError";
  readonly check: "size" | "sha256";
  readonly expected: string;
  readonly actual: string;
  constructor(message: string, check: "size" | "sha256", expected: string, actual: string) {
    super(message);
    this.check = check;
    this.expected = expected;
    this.actual = actual;
  }
}
