// Bundle budgets (min + gzip), resolved through seedance-sdk's export conditions as each platform's
// bundler would. Limits are the measured sizes rounded up (targets: browser 6 kB, edge 7 kB).
const conditions = (list) => (config) => ({ ...config, platform: "browser", format: "esm", conditions: list });

export default [
  {
    name: "browser: SeedanceClient + image + video + wait",
    path: "budgets/browser.js",
    limit: "9 kB",
    gzip: true,
    modifyEsbuildConfig: conditions(["browser"]),
  },
  {
    name: "edge (workerd): SeedanceClient + image + video + wait",
    path: "budgets/edge.js",
    limit: "8.5 kB",
    gzip: true,
    modifyEsbuildConfig: conditions(["workerd", "worker"]),
  },
  {
    // 5572 B measured: the limit was 4.1 kB before the spec's body validation (valibot's issue handling and
    // core's ValidationError), the webhook policy and per-user quotas.
    name: "edge (workerd): createProxyHandler",
    path: "budgets/proxy.js",
    limit: "5.7 kB",
    gzip: true,
    modifyEsbuildConfig: conditions(["workerd", "worker"]),
  },
];
