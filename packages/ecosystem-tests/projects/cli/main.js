// Node, Bun and Deno: configured by SEEDANCE_API_KEY / SEEDANCE_BASE_URL, prints the report as JSON.
import * as sdk from "seedance-sdk";
import { scenario } from "./scenario.js";

const runtime = globalThis.Deno
  ? `deno ${Deno.version.deno}`
  : globalThis.Bun
    ? `bun ${Bun.version}`
    : `node ${process.versions.node}`;
const report = await scenario(sdk, undefined, process.env.RETRY_URL);
console.log(JSON.stringify({ runtime, ...report }));
