// The page's origin: an HTML shell, the bundled page script, and the app's backend proxy mounted
// under /api/seedance (same origin, as a real app would deploy it).
import type { Handler } from "./serve.ts";

export const PROXY_MOUNT = "/api/seedance";

export function pageHandler(bundle: string, proxy: Handler): Handler {
  return async (request) => {
    const url = new URL(request.url);
    if (url.pathname === "/") {
      const html = '<!doctype html><meta charset="utf-8"><script type="module" src="/page.js"></script>';
      return new Response(html, { headers: { "content-type": "text/html" } });
    }
    if (url.pathname === "/page.js") return new Response(bundle, { headers: { "content-type": "text/javascript" } });
    // The proxy matches the API's paths at the end of the URL, so it needs no prefix stripping.
    if (url.pathname.startsWith(`${PROXY_MOUNT}/`)) return proxy(request);
    return new Response("not found", { status: 404 });
  };
}
