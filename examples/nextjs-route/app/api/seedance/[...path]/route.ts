// The browser's calls to /api/seedance/v1/… go out with the API key added here, on the server.
// In the page: `new SeedanceClient({ proxyUrl: "/api/seedance" })` from seedance-sdk.
import { createProxyHandler } from "@seedance/edge";

// Who is signed in. A stand-in that reads `session=<user id>`: use your auth library's session
// lookup here (Auth.js `auth()`, Clerk `auth()`, …), never a cookie the browser can simply set.
function signedInUser(request: Request): string | undefined {
  return /(?:^|;\s*)session=([\w-]+)/.exec(request.headers.get("cookie") ?? "")?.[1];
}

const proxy = createProxyHandler({
  apiKey: process.env.SEEDANCE_API_KEY ?? "",
  baseUrl: process.env.SEEDANCE_BASE_URL,
  policy: {
    authorize: (request) => {
      const user = signedInUser(request);
      if (!user) return Response.json({ error: "Sign in first." }, { status: 401 });
      return { user }; // counted against that user's quota
    },
    // Every generation's webhooks go to this app's receiver (app/api/webhooks/seedance), whatever
    // the browser sent, e.g. https://your.app/api/webhooks/seedance.
    webhookUrl: process.env.SEEDANCE_WEBHOOK_URL,
    // Each user may start 10 generations an hour; the 11th gets 429 with Retry-After.
    quota: { requests: 10, windowSeconds: 3600 },
    maxDuration: 10,
  },
});

export { proxy as GET, proxy as POST };
