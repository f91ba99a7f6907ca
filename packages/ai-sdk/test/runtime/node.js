// Node: the default `seedance` provider, configured by SEEDANCE_API_KEY and SEEDANCE_BASE_URL.
import { seedance } from "@seedance/ai-sdk";
import { experimental_generateVideo, generateImage } from "ai";
import { flow } from "./flow.js";

const report = await flow({ seedance, generateImage, experimental_generateVideo });
console.log(JSON.stringify({ runtime: `node ${process.version}`, ...report }));
