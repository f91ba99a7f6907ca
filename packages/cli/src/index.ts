// @seedance/cli as a library: the progress display the `seedance` command uses, for other tools
// (the repository's `pnpm start` demo) that wait on a task the same way.
export {
  createTaskProgress,
  type ProgressStyle,
  styleFor,
  type TaskProgress,
  type TaskProgressOptions,
} from "./progress.ts";
