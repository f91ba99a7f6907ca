// What the `browser` condition resolves to.
export * from "@seedance/browser";
