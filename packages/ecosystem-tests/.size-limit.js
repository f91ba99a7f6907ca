// Bundle budgets (min + gzip), resolved through seedance-sdk's export conditions as each platform's
// bundler would. Limits are the measured sizes rounded up (7,289 B, 6,799 B and 4,344 B; the targets
// are browser 6 kB and edge 6.5 kB).
const conditions = (list) => (config) => ({ ...config, platform: "browser", format: "esm", conditions: list });

export default [
  {
    name: "browser: SeedanceClient + image + video + wait",
    path: "budgets/browser.js",
    limit: "7.3 kB",
    gzip: true,
    modifyEsbuildConfig: conditions(["browser"]),
  },
  {
    name: "edge (workerd): SeedanceClient + image + video + wait",
    path: "budgets/edge.js",
    limit: "6.8 kB",
    gzip: true,
    modifyEsbuildConfig: conditions(["workerd", "worker"]),
  },
  {
    name: "edge (workerd): createProxyHandler",
    path: "budgets/proxy.js",
    limit: "4.4 kB",
    gzip: true,
    modifyEsbuildConfig: conditions(["workerd", "worker"]),
  },
];
