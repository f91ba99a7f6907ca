// The one table: a group of rows per figure, each median beside its ratio to the figure's base,
// our row checked against its target and against the best anchor. Printed as text, written as
// Markdown and JSON to results/.
import { mkdir, writeFile } from "node:fs/promises";
import { CONTENDERS } from "./contenders/index.ts";

/** A median, or why the contender has none. */
export type Value = number | { error: string };

export interface Figure {
  title: string;
  /** The id every ratio is taken against. */
  base: string;
  better: "lower" | "higher";
  format: (value: number) => string;
  values: Record<string, Value>;
  /** Extra detail per id, such as the bundle's other sizes. */
  notes?: Record<string, string>;
  /** Our targets by contender id (our builds), each judged on its own row. */
  targets?: Record<string, Target>;
}

export interface Target {
  text: string;
  met: (value: number, ratio: number) => boolean;
}

type Row = Record<(typeof COLUMNS)[number], string>;

const COLUMNS = ["contender", "median", "× base", "target", "result", "best anchor", "note"] as const;
const NUMERIC = new Set<string>(["median", "× base"]);
const ANCHORS = CONTENDERS.filter(({ kind }) => kind === "anchor").map(({ id }) => id);
const OURS = new Set(CONTENDERS.filter(({ kind }) => kind === "ours").map(({ id }) => id));
const NAMES: Record<string, string> = Object.fromEntries(CONTENDERS.map(({ id, name }) => [id, name]));

const label = (id: string): string => NAMES[id] ?? id;
const title = (figure: Figure) => `${figure.title} — ratios to ${label(figure.base)}`;

function rows(figure: Figure): Row[] {
  const base = figure.values[figure.base];
  const ratio = (value: number) => (typeof base === "number" ? value / base : Number.NaN);
  const times = (value: number) => `${ratio(value).toFixed(2)}×`;
  const atLeastAsGood = (a: number, b: number) => (figure.better === "lower" ? a <= b : a >= b);
  const anchors = ANCHORS.flatMap((id) => {
    const value = figure.values[id];
    return typeof value === "number" ? [{ id, value }] : [];
  });
  const best = anchors.find((anchor) => anchors.every((other) => atLeastAsGood(anchor.value, other.value)));
  return Object.entries(figure.values).map(([id, value]) => {
    const row: Row = {
      contender: label(id),
      median: "—",
      "× base": "—",
      target: "",
      result: "",
      "best anchor": "",
      note: figure.notes?.[id] ?? "",
    };
    if (typeof value !== "number") return { ...row, note: `could not run: ${value.error}` };
    row.median = figure.format(value);
    row["× base"] = times(value);
    const target = figure.targets?.[id];
    if (target) {
      row.target = target.text;
      row.result = target.met(value, ratio(value)) ? "pass" : "miss";
    }
    if (!OURS.has(id)) return row;
    if (best) {
      row["best anchor"] =
        `${atLeastAsGood(value, best.value) ? "pass" : "miss"}: ${label(best.id)} ${times(best.value)}`;
    }
    return row;
  });
}

function text(groups: { figure: Figure; rows: Row[] }[]): string {
  const heading = Object.fromEntries(COLUMNS.map((column) => [column, column])) as Row;
  const all = [heading, ...groups.flatMap((group) => group.rows)];
  const widths = COLUMNS.map((column) => Math.max(...all.map((row) => row[column].length)));
  const line = (row: Row) =>
    COLUMNS.map((column, i) => row[column][NUMERIC.has(column) ? "padStart" : "padEnd"](widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [
    line(heading),
    ...groups.flatMap(({ figure, rows }) => [`\n${title(figure)}`, ...rows.map((row) => `  ${line(row)}`)]),
  ].join("\n");
}

function markdown(groups: { figure: Figure; rows: Row[] }[]): string {
  const cell = (value: string) => value.replaceAll("|", "\\|");
  const line = (cells: string[]) => `| ${cells.map(cell).join(" | ")} |`;
  return [
    line(["figure", ...COLUMNS]),
    `| --- | ${COLUMNS.map((column) => (NUMERIC.has(column) ? "---:" : "---")).join(" | ")} |`,
    ...groups.flatMap(({ figure, rows }) =>
      rows.map((row, i) => line([i === 0 ? title(figure) : "", ...COLUMNS.map((column) => row[column])])),
    ),
  ].join("\n");
}

/** Prints the table and writes results/bench.{json,md}; `context` heads all three. */
export async function report(figures: Figure[], context: Record<string, string | number>): Promise<void> {
  const groups = figures.map((figure) => ({ figure, rows: rows(figure) }));
  const heading = Object.entries(context)
    .map(([key, value]) => `${key}: ${value}`)
    .join(" · ");
  console.log(`\n${heading}\n\n${text(groups)}\n`);
  const dir = new URL("../results/", import.meta.url);
  await mkdir(dir, { recursive: true });
  const json = {
    context,
    figures: figures.map(({ format: _, targets, ...figure }) => ({
      ...figure,
      targets: Object.fromEntries(Object.entries(targets ?? {}).map(([id, target]) => [id, target.text])),
    })),
  };
  await writeFile(new URL("bench.json", dir), `${JSON.stringify(json, null, 2)}\n`);
  await writeFile(new URL("bench.md", dir), `# pnpm bench\n\n${heading}\n\n${markdown(groups)}\n`);
}
