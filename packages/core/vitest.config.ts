import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  // The Node transport (run from @seedance/node's source by test/transports.ts) imports core's errors:
  // the same classes as these tests, not the built package's.
  resolve: { alias: { "@seedance/core": fileURLToPath(new URL("./src/index.ts", import.meta.url)) } },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: [require.resolve("@seedance/testkit/prism-setup")],
    testTimeout: 20_000,
  },
});
