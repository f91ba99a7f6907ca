// Bundles the page script the way an app's bundler would: from @seedance/browser's build output,
// resolved through its export conditions for the browser.
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** Bundles test/page/<entry>. */
export async function bundlePage(entry = "main.ts"): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(`../page/${entry}`, import.meta.url))],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    conditions: ["browser"],
    // The test tsconfig maps @seedance/browser to src for typechecking; the bundle must use dist.
    tsconfig: fileURLToPath(new URL("../../tsconfig.build.json", import.meta.url)),
    logLevel: "silent",
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error("esbuild produced no page bundle");
  return output.text;
}
