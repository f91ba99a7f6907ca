// `@seedance/core/api`: the generated operations and types exactly as the spec shapes them
// (snake_case, envelopes included), for users who want the raw API. Pass a client to each call:
//   import { client, generateImage } from "@seedance/core/api";
//   client.setConfig({ auth: () => process.env.SEEDANCE_API_KEY });
//   const { data } = await generateImage({ client, body: { prompt, model: "seedream-4.5" } });

export { type Client, type Config, createClient, createConfig } from "./generated/client/index.js";
export { client } from "./generated/client.gen.js";
export * from "./generated/index.js";
/** The spec's valibot schemas (limits, enums), for packages that derive their constants from the spec. */
export * as schemas from "./generated/valibot.gen.js";
