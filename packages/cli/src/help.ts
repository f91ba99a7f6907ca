// What every help text shares: an "Examples:" section, and the global flags (--api-key, --base-url,
// --json, --no-validate) listed in each subcommand's help, not only in `seedance --help`.
import type { Command } from "commander";

/** Adds `seedance …` example lines, each with what it does, after the command's help. */
export function withExamples(command: Command, examples: readonly (readonly [string, string])[]): Command {
  const width = Math.max(...examples.map(([line]) => line.length));
  const lines = examples.map(([line, what]) => `  $ ${line.padEnd(width)}  # ${what}`);
  return command.addHelpText("after", `\nExamples:\n${lines.join("\n")}\n`);
}

/** Lists the parents' flags in a subcommand's help, under "Global Options:". */
export const showGlobalFlags = (program: Command): Command => program.configureHelp({ showGlobalOptions: true });
