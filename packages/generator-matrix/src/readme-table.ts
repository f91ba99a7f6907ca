// Reads the "generator | file | command" table of the spec package's README: the commands the
// matrix runs verbatim.
export interface Row {
  generator: string;
  file: string;
  command: string;
}

const code = (cell: string) => cell.trim().replace(/^`(.*)`$/, "$1");

export function readmeTable(readme: string): Row[] {
  return readme
    .split("\n")
    .filter((line) => line.startsWith("| ") && line.includes("`"))
    .map((line) => line.split(" | ").map((cell) => cell.replace(/^\| | \|$/g, "")))
    .filter((cells) => cells.length === 3)
    .map(([generator, file, command]) => ({
      generator: generator as string,
      file: code(file as string),
      command: code(command as string),
    }));
}
