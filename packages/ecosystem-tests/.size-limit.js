// Bundle budgets (min + gzip), resolved through seedance-sdk's export conditions as each platform's
// bundler would. Limits are the measured sizes rounded up (8,515 B, 8,022 B and 5,177 B; the targets
// are browser 6 kB and edge 6.5 kB). Waiting that polls across the estimate for onProgress and
// watch() added about 70 B to the first two; bounded body reads, never-followed redirects and
// sanitised server text in errors about 0.85 kB to each, and the browser download's maxBytes 40 B
// (from 7,358 B, 6,867 B and 4,344 B); the instrumentation hook (@seedance/otel plugs in), unused
// here, about 250 B to the first two (from 8,266 B and 7,771 B).
const conditions = (list) => (config) => ({ ...config, platform: "browser", format: "esm", conditions: list });

export default [
  {
    name: "browser: SeedanceClient + image + video + wait",
    path: "budgets/browser.js",
    limit: "8.6 kB",
    gzip: true,
    modifyEsbuildConfig: conditions(["browser"]),
  },
  {
    name: "edge (workerd): SeedanceClient + image + video + wait",
    path: "budgets/edge.js",
    limit: "8.1 kB",
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
