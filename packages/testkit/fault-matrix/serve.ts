// Serves the fault matrix for a client in another language (the Python tests): prints one line,
// `FAULT_SERVER {"url": …, "otherOriginUrl": …}`, then serves until a signal comes or the process
// that started it is gone.
import { startFaultServer } from "../src/fault-server.ts";

const server = await startFaultServer();
console.log(`FAULT_SERVER ${JSON.stringify({ url: server.url, otherOriginUrl: server.otherOriginUrl })}`);
const stop = () => void server.stop().then(() => process.exit(0));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
const parent = process.ppid;
setInterval(() => process.ppid !== parent && stop(), 1000).unref();
