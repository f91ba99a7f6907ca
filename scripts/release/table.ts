// The release check's summary: one row per package, one column per check.
export type Cell = "ok" | "FAIL" | "n/a";

export interface Row {
  name: string;
  bytes: number;
  cells: Record<string, Cell>;
}

export const cell = (verdict: string | undefined): Cell =>
  verdict === undefined ? "n/a" : verdict === "ok" ? "ok" : "FAIL";

export function formatTable(rows: readonly Row[]): string {
  const columns = Object.keys(rows[0]?.cells ?? {});
  const header = ["package", "tarball", ...columns];
  const body = rows.map((row) => [
    row.name,
    formatBytes(row.bytes),
    ...columns.map((column) => row.cells[column] ?? "n/a"),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...body.map((line) => (line[i] ?? "").length)));
  const line = (cells: readonly string[]) => `| ${cells.map((text, i) => text.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...body.map(line)].join("\n");
}

function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} kB`;
}
