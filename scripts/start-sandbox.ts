// Starts the Seedance sandbox (answering as the API does, Prism checking every exchange) on port
// 4010 (or $PORT) until Ctrl-C: `pnpm sandbox`
// (bundle the spec first: `pnpm build`). Flags are the `seedance-sandbox` CLI's, e.g.
// `pnpm sandbox --task-seconds 2`.
import "../packages/sandbox/src/cli.ts";
