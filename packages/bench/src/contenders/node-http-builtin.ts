// node:http loaded with process.getBuiltinModule, as @seedance/node loads it: the floor for cold
// start with a first request (no undici), and the same calls as the raw node:http row.
import type { Call } from "../contender.ts";
import { httpCall } from "./http-call.ts";

export const connect = (baseUrl: string): Call => httpCall(process.getBuiltinModule("node:http"), baseUrl);
