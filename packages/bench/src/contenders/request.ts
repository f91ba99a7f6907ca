// What every contender sends: the same small image request, so their requests differ only in the
// path and field names each API uses, not in size.
export const API_KEY = "sk-test-bench";
export const PROMPT = "A red barn at dawn";
