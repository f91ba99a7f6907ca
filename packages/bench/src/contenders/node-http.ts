// The other floor for Node: node:http with a keep-alive agent, no fetch layer, imported as most code
// imports it. An ES module import of node:http reads all its exports, and its lazy WebSocket getters
// then load Node's bundled undici: that is this row's cold start.
import * as http from "node:http";
import type { Call } from "../contender.ts";
import { httpCall } from "./http-call.ts";

export const connect = (baseUrl: string): Call => httpCall(http, baseUrl);
