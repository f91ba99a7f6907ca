// Bundle budgets (min + gzip), resolved through seedance-sdk's export conditions as each platform's
// bundler would. Limits are the measured sizes rounded up (8,142 B, 7,681 B and 5,155 B; the targets
// are browser 6 kB and edge 6.5 kB). Bounded body reads, never-followed redirects and sanitised server
// text in errors added about 0.85 kB to each (from 7,277 B, 6,794 B and 4,344 B).
const conditions = (list) => (config) => ({ ...config, platform: "browser", format: "esm", conditions: list });

export default [
  {
    name: "browser: SeedanceClient + image + video + wait",
    path: "budgets/browser.js",
    limit: "8.2 kB",
    gzip: true,
    modifyEsbuildConfig: conditions(["browser"]),
  },
  {
    name: "edge (workerd): SeedanceClient + image + video + wait",
    path: "budgets/edge.js",
    limit: "7.7 kB",
    gzip: true,
    modifyEsbuildConfig: conditions(["workerd", "worker"]),
  },
  {
    name: "edge (workerd): createProxyHandler",
    path: "budgets/proxy.js",
    limit: "5.2 kB",
    gzip: true,
    modifyEsbuildConfig: conditions(["workerd", "worker"]),
  },
];
