import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: [require.resolve("@seedance/testkit/prism-setup")],
    testTimeout: 30_000,
    // Starting the sandbox (Prism in front) and packing tarballs take a while on a busy machine.
    hookTimeout: 120_000,
  },
});
