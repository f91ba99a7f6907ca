// Starts a Prism mock of the bundled spec on port 4010 (or $PORT) until Ctrl-C.
// Run on its own: `pnpm mock` (bundle the spec first: `pnpm build`).
import { startPrism } from "@seedance/prism";

const prism = await startPrism({ port: Number(process.env.PORT ?? 4010) });
console.log(`Prism mock of the Seedance API: ${prism.url}  (any API key works; Ctrl-C stops it)`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void prism.stop().then(() => process.exit(0)));
}
