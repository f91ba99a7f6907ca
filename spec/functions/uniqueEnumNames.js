// Spectral function over `components.schemas`: the constant names that generators give enum values
// (`x-enum-varnames`, or the value in upper case) are unique across all named enums. Go puts every
// enum constant of a package in one namespace, so two enums sharing a value (`4k`) do not compile.
export default function uniqueEnumNames(schemas, _options, { path }) {
  const owners = new Map();
  const problems = [];
  for (const [schemaName, schema] of Object.entries(schemas ?? {})) {
    if (!Array.isArray(schema?.enum)) continue;
    const names = schema["x-enum-varnames"] ?? schema.enum.map((value) => String(value).toUpperCase());
    for (const [index, name] of names.entries()) {
      const owner = owners.get(name);
      if (owner) {
        problems.push({
          message: `enum name ${name} of ${schemaName} is also one of ${owner}'s: give x-enum-varnames that differ`,
          path: [...path, schemaName, "enum", index],
        });
      } else owners.set(name, schemaName);
    }
  }
  return problems;
}
