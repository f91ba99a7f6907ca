// What the `workerd`, `edge-light`, `deno` and `default` conditions resolve to.
export * from "@seedance/edge";
