// The README: its tool list is the one the spec gives today, and its client snippets are valid JSON
// that start this package's bin.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { END, renderToolList, START } from "../scripts/tool-list.ts";
import { seedanceTools } from "../src/server.ts";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

describe("README", () => {
  it("lists the tools exactly as the spec renders them (run `pnpm --filter @seedance/mcp readme`)", () => {
    const list = readme.slice(readme.indexOf(START), readme.indexOf(END) + END.length);
    expect(list).toBe(renderToolList(seedanceTools().map((tool) => tool.definition)));
    for (const tool of seedanceTools()) expect(list).toContain(`### \`${tool.definition.name}\``);
  });

  it("has a JSON configuration for Claude Desktop, Cursor and VS Code that runs @seedance/mcp", () => {
    const snippets = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => JSON.parse(match[1] as string));
    expect(snippets).toHaveLength(3);
    for (const snippet of snippets) {
      const [server] = Object.values(snippet.mcpServers ?? snippet.servers) as { command: string; args: string[] }[];
      expect(server?.command).toBe("npx");
      expect(server?.args).toContain("@seedance/mcp");
    }
  });
});
