/**
 * Prism reports every way a request or response breaks the spec in the `sl-violations` header.
 * A contract test fails on any of them, naming what Prism found.
 */
export function violationsOf(response: Response): unknown[] {
  const header = response.headers.get("sl-violations");
  return header ? (JSON.parse(header) as unknown[]) : [];
}

export function assertNoViolations(response: Response): void {
  const found = violationsOf(response);
  if (found.length > 0) {
    throw new Error(
      `Prism found ${found.length} spec violation(s) for ${response.url}:\n${JSON.stringify(found, null, 2)}`,
    );
  }
}
