import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: [require.resolve("@seedance/testkit/prism-setup")],
    testTimeout: 20_000,
  },
});
