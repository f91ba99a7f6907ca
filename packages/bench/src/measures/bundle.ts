// Browser bundle of a one-call entry per contender: what a page that makes this one call ships.
// Sizes are deterministic, so one build each is the median of any number of repetitions.
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { build } from "esbuild";

export interface BundleSize {
  min: number;
  gzip: number;
  brotli: number;
}

/** A build error as one line: esbuild's first error and how many followed it. */
function firstError(error: unknown): Error {
  const errors = (error as { errors?: { text: string }[] }).errors ?? [];
  if (!errors[0]) return error as Error;
  return new Error(`esbuild: ${errors[0].text}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ""}`);
}

export async function measureBundle(id: string): Promise<BundleSize> {
  const { outputFiles } = await build({
    stdin: {
      contents: `import { connect } from "./contenders/${id}.ts";\nawait connect("https://api.example.com")();`,
      resolveDir: fileURLToPath(new URL("..", import.meta.url)),
      loader: "ts",
    },
    bundle: true,
    minify: true,
    platform: "browser",
    format: "esm",
    write: false,
    logLevel: "silent",
  }).catch((error: unknown) => {
    throw firstError(error);
  });
  const code = outputFiles[0]?.contents ?? new Uint8Array();
  return {
    min: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}
