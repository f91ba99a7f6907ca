// Spectral function: a string enum whose values are not all identifiers names them with
// `x-enum-varnames` (one UPPER_SNAKE name per value) and describes them with `x-enum-descriptions`.
// Without names, generators invent their own (`_4K`, `VALUE_0`) or fail to compile.
const identifier = /^[A-Za-z][A-Za-z0-9_]*$/;
const upperSnake = /^[A-Z][A-Z0-9_]*$/;

export default function enumVarnames(schema, _options, { path }) {
  const values = schema.enum;
  const names = schema["x-enum-varnames"];
  const descriptions = schema["x-enum-descriptions"];
  if (!Array.isArray(values) || values.every((value) => typeof value !== "string" || identifier.test(value))) return [];
  const problems = [];
  if (!Array.isArray(names) || names.length !== values.length) {
    problems.push({
      message: `enum [${values.join(", ")}] has values that are not identifiers: give x-enum-varnames, one name per value`,
      path,
    });
  } else {
    for (const [index, name] of names.entries()) {
      if (typeof name !== "string" || !upperSnake.test(name)) {
        problems.push({
          message: `x-enum-varnames "${name}" is not an UPPER_SNAKE identifier`,
          path: [...path, "x-enum-varnames", index],
        });
      }
    }
  }
  if (!Array.isArray(descriptions) || descriptions.length !== values.length) {
    problems.push({ message: "x-enum-varnames needs x-enum-descriptions, one description per value", path });
  }
  return problems;
}
