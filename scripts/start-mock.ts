// Starts a Prism mock of the bundled spec on port 4010 (or $PORT) until Ctrl-C.
// Run on its own: `pnpm mock` (bundle the spec first: `pnpm build`).
import { startPrism, stopOnShutdown } from "@seedance/prism";

const prism = await startPrism({ port: Number(process.env.PORT ?? 4010) });
stopOnShutdown(() => prism.stop());
console.log(`Prism mock of the Seedance API: ${prism.url}  (any API key works; Ctrl-C stops it)`);
