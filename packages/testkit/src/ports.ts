// Whether anything still listens on a loopback port: what a stopped server must leave behind.
import { connect } from "node:net";

export function isListening(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    socket.setTimeout(1000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** Resolves once nothing listens on any of `ports`; rejects naming the ports still open after `timeoutMs`. */
export async function waitUntilClosed(ports: readonly number[], timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = [];
    for (const port of ports) if (await isListening(port)) open.push(port);
    if (open.length === 0) return;
    if (Date.now() > deadline) throw new Error(`still listening after ${timeoutMs} ms: ${open.join(", ")}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
