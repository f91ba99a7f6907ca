// The browser's calls to /api/seedance/v1/… go out with the API key added here, on the server.
// In the page: `new SeedanceClient({ proxyUrl: "/api/seedance" })` from seedance-sdk.
import { createProxyHandler } from "@seedance/edge";

const proxy = createProxyHandler({
  apiKey: process.env.SEEDANCE_API_KEY ?? "",
  baseUrl: process.env.SEEDANCE_BASE_URL,
  policy: { maxDuration: 10 },
});

export { proxy as GET, proxy as POST };
