// api-smart-diff compares by OpenAPI 3.0's rules, which have no `webhooks`: a webhook's schemas
// would only be compared as components, never as breaking. A webhook payload reaches the client the
// way a response does (a removed field breaks the receiver, a new one does not), so each webhook is
// compared as an operation that answers with its payload.
interface Document {
  paths?: Record<string, unknown>;
  webhooks?: Record<string, Record<string, { requestBody?: { content?: unknown } }>>;
}

export function webhooksAsResponses<T extends Document>(spec: T): T {
  const { webhooks = {}, paths = {} } = spec;
  const asPaths = Object.fromEntries(
    Object.entries(webhooks).flatMap(([name, item]) =>
      Object.values(item).map((operation) => [
        `/webhooks/${name}`,
        { get: { responses: { "200": { description: "payload", content: operation.requestBody?.content } } } },
      ]),
    ),
  );
  return { ...spec, paths: { ...paths, ...asPaths }, webhooks: undefined };
}
