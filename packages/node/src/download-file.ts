// A download to a path never touches what is there until it is complete: the bytes go to a new
// temporary file beside the target (so the final rename stays on one file system), created
// exclusively and never through a link, and only a verified file takes the target's name.
import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { type FileHandle, link, lstat, open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { SeedanceError } from "@seedance/edge";
import { DestinationExistsError } from "./download-errors.js";

// O_EXCL with O_CREAT already refuses any existing name, a link included; O_NOFOLLOW says so twice
// where the platform has it (not on Windows).
const CREATE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

// Where link() cannot make a second name (FAT, some network and FUSE file systems).
const NO_HARD_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EMLINK", "EXDEV"]);

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code;

/** Refuses `target` when anything is there (`lstat`: a symlink counts, even a dangling one). */
export async function refuseExisting(target: string): Promise<void> {
  try {
    await lstat(target);
  } catch (error) {
    if (codeOf(error) === "ENOENT") return;
    throw error;
  }
  throw new DestinationExistsError(target);
}

export class TempFile {
  readonly path: string;
  readonly #handle: FileHandle;
  #closed = false;

  private constructor(path: string, handle: FileHandle) {
    this.path = path;
    this.#handle = handle;
  }

  /** A new, empty file in `target`'s folder, named after it (hidden, `.part`). */
  static async beside(target: string): Promise<TempFile> {
    const folder = dirname(target);
    const path = join(folder, `.${basename(target).slice(0, 100)}.${randomBytes(6).toString("hex")}.part`);
    try {
      return new TempFile(path, await open(path, CREATE_NEW, 0o666));
    } catch (error) {
      if (codeOf(error) !== "ENOENT") throw error;
      throw new SeedanceError(`Cannot save to ${target}: the folder ${folder} does not exist; create it first.`, {
        cause: error,
      });
    }
  }

  async write(chunk: Uint8Array): Promise<void> {
    for (let offset = 0; offset < chunk.byteLength; ) {
      offset += (await this.#handle.write(chunk, offset)).bytesWritten;
    }
  }

  /**
   * Gives the complete file `target`'s name. Without `overwrite`, an existing target wins: link()
   * fails rather than replace it, so a file that appeared during the download is kept too.
   */
  async commit(target: string, overwrite: boolean): Promise<void> {
    // On disk before it is named: after a crash, the target is the old file or the whole new one.
    await this.#handle.sync();
    await this.#close();
    if (overwrite) return rename(this.path, target);
    try {
      await link(this.path, target);
    } catch (error) {
      if (codeOf(error) === "EEXIST") throw new DestinationExistsError(target);
      if (!NO_HARD_LINKS.has(codeOf(error) ?? "")) throw error;
      await refuseExisting(target);
      return rename(this.path, target);
    }
    // The target is saved; a leftover second name is only clutter.
    await rm(this.path, { force: true }).catch(() => {});
  }

  /** Removes the temporary file (after a failure). */
  async discard(): Promise<void> {
    await this.#close().catch(() => {});
    await rm(this.path, { force: true });
  }

  async #close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#handle.close();
  }
}
