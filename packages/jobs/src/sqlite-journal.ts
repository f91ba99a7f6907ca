// The embedded journal: one SQLite file through Node's built-in `node:sqlite` (nothing to install).
// WAL with `synchronous = FULL`: each put is a commit that is on disk when it returns.
import { createRequire } from "node:module";
import type { JobRecord, Journal } from "./records.js";

type DatabaseSync = import("node:sqlite").DatabaseSync;

/** node:sqlite is loaded on first use: on Node 22 it prints an experimental warning, so only when asked. */
function openDatabase(path: string): DatabaseSync {
  let sqlite: typeof import("node:sqlite");
  try {
    sqlite = createRequire(import.meta.url)("node:sqlite") as typeof import("node:sqlite");
  } catch {
    throw new Error(
      `The job journal needs Node's built-in node:sqlite (Node 22.13 or later); this is Node ${process.version}.`,
    );
  }
  return new sqlite.DatabaseSync(path);
}

export function openSqliteJournal(path: string): Journal {
  const db = openDatabase(path);
  db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;");
  db.exec("CREATE TABLE IF NOT EXISTS items (id TEXT PRIMARY KEY, record TEXT NOT NULL) STRICT");
  const select = db.prepare("SELECT record FROM items WHERE id = ?");
  const upsert = db.prepare(
    "INSERT INTO items (id, record) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET record = excluded.record",
  );
  const all = db.prepare("SELECT record FROM items ORDER BY rowid");
  const parse = (row: unknown) => JSON.parse((row as { record: string }).record) as JobRecord;
  return {
    get: async (id) => {
      const row = select.get(id);
      return row ? parse(row) : undefined;
    },
    put: async (record) => {
      upsert.run(record.id, JSON.stringify(record));
    },
    list: async () => all.all().map(parse),
    close: async () => {
      if (db.isOpen) db.close();
    },
  };
}
