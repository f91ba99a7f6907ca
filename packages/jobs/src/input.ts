// Reads a batch file: JSONL (one request per line) or CSV (a header, then one request per row).
// Each line becomes an item or an invalid line with its number and what is wrong with it, checked
// with the spec's compiled checks (the ones the SDK runs before sending) before anything is spent.
import { createHash } from "node:crypto";
import { OPERATIONS, type ValidationIssue } from "@seedance/node";
import type { BatchItem, ItemKind } from "./records.js";
import { fieldType, isVideoModel } from "./spec.js";

export interface InvalidLine {
  line: number;
  error: string;
}

export interface ParsedBatch {
  items: (BatchItem & { line: number })[];
  invalid: InvalidLine[];
}

const SAFE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

export function parseBatch(text: string, format: "jsonl" | "csv"): ParsedBatch {
  const rows = format === "csv" ? csvRows(text) : jsonlRows(text);
  const parsed: ParsedBatch = { items: [], invalid: [] };
  const seen = new Map<string, number>();
  for (const row of rows) {
    if ("error" in row) {
      parsed.invalid.push(row);
      continue;
    }
    const item = toItem(row.fields, format);
    if (typeof item === "string") {
      parsed.invalid.push({ line: row.line, error: item });
      continue;
    }
    const first = seen.get(item.id);
    if (first !== undefined) {
      parsed.invalid.push({ line: row.line, error: `id "${item.id}" is already used on line ${first}` });
      continue;
    }
    seen.set(item.id, row.line);
    parsed.items.push({ ...item, line: row.line });
  }
  return parsed;
}

/** The format a file name says: `.csv` is CSV, anything else JSONL. */
export const formatOf = (file: string): "jsonl" | "csv" => (/\.csv$/i.test(file) ? "csv" : "jsonl");

type Row = { line: number; fields: Record<string, unknown> } | InvalidLine;

function jsonlRows(text: string): Row[] {
  const rows: Row[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === "") return;
    try {
      const value: unknown = JSON.parse(raw);
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        rows.push({ line, error: "expected a JSON object, one request per line" });
      } else rows.push({ line, fields: value as Record<string, unknown> });
    } catch {
      rows.push({ line, error: "not valid JSON (each line must be one JSON object)" });
    }
  });
  return rows;
}

function toItem(fields: Record<string, unknown>, format: "jsonl" | "csv"): BatchItem | string {
  const { id, type, output, ...rest } = fields;
  const kind: ItemKind | undefined =
    type === undefined || type === "" ? (isVideoModel(rest.model) ? "video" : "image") : (type as ItemKind);
  if (kind !== "image" && kind !== "video") return `type must be "image" or "video", got ${JSON.stringify(type)}`;
  const body = format === "csv" ? typedCells(kind, rest) : rest;
  if (typeof body === "string") return body;
  const operation = kind === "image" ? OPERATIONS.generateImage : OPERATIONS.generateVideo;
  const issue = operation.checkBody?.(body);
  if (issue) return describeIssue(kind, issue);
  for (const [name, value] of [
    ["id", id],
    ["output", output],
  ] as const) {
    if (value !== undefined && value !== "" && (typeof value !== "string" || !SAFE_NAME.test(value))) {
      return `${name} must be a file-name-safe string (letters, digits, _ . -, at most 128), got ${JSON.stringify(value)}`;
    }
  }
  const itemId = typeof id === "string" && id !== "" ? id : hashId(kind, body);
  return { id: itemId, kind, body, ...(typeof output === "string" && output !== "" ? { output } : {}) };
}

function describeIssue(kind: ItemKind, issue: ValidationIssue): string {
  const limit = issue.limit === undefined ? "" : ` (${issue.constraint}: ${JSON.stringify(issue.limit)})`;
  const value = issue.value === undefined ? "missing" : JSON.stringify(issue.value);
  return `${kind} request: ${issue.field} is ${value}${limit}${issue.constraint && !limit ? ` (${issue.constraint})` : ""}`;
}

/** The id of a line without one: the same request always gets the same id, so reruns find it. */
function hashId(kind: ItemKind, body: Record<string, unknown>): string {
  const canonical = JSON.stringify([kind, Object.entries(body).sort(([a], [b]) => (a < b ? -1 : 1))]);
  return `item-${createHash("sha256").update(canonical).digest("hex").slice(0, 16)}`;
}

/** CSV cells are text: numbers and booleans become what the spec says the field is; empty cells are left out. */
function typedCells(kind: ItemKind, cells: Record<string, unknown>): Record<string, unknown> | string {
  const body: Record<string, unknown> = {};
  for (const [name, cell] of Object.entries(cells)) {
    if (cell === "") continue;
    const type = fieldType(kind, name);
    if (type === "integer" || type === "number") {
      const number = Number(cell);
      if (Number.isNaN(number)) return `${name} must be a number, got ${JSON.stringify(cell)}`;
      body[name] = number;
    } else if (type === "boolean") {
      if (cell !== "true" && cell !== "false") return `${name} must be true or false, got ${JSON.stringify(cell)}`;
      body[name] = cell === "true";
    } else body[name] = cell;
  }
  return body;
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
function csvRows(text: string): Row[] {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else {
        if (char === "\n") line++;
        cell += char;
      }
    } else if (char === '"' && cell === "") quoted = true;
    else if (char === ",") {
      cells.push(cell);
      cell = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      cells.push(cell);
      records.push({ line: start, cells });
      cells = [];
      cell = "";
      line++;
      start = line;
    } else cell += char;
  }
  if (cell !== "" || cells.length > 0) records.push({ line: start, cells: [...cells, cell] });
  const nonEmpty = records.filter(({ cells }) => !(cells.length === 1 && cells[0]?.trim() === ""));
  const [header, ...rest] = nonEmpty;
  if (!header) return [];
  const names = header.cells.map((name) => name.trim());
  return rest.map(({ line, cells }) =>
    cells.length !== names.length
      ? { line, error: `expected ${names.length} cells (as in the header), got ${cells.length}` }
      : { line, fields: Object.fromEntries(names.map((name, index) => [name, cells[index]])) },
  );
}
