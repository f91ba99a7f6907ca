// What the `node` and `bun` conditions resolve to.
export * from "@seedance/node";
