// Writes the tool list, derived from the spec, into README.md (`pnpm --filter @seedance/mcp readme`).
import { readFileSync, writeFileSync } from "node:fs";
import { seedanceTools } from "../src/server.ts";
import { renderToolList, withToolList } from "./tool-list.ts";

const path = new URL("../README.md", import.meta.url);
const list = renderToolList(seedanceTools().map((tool) => tool.definition));
writeFileSync(path, withToolList(readFileSync(path, "utf8"), list));
