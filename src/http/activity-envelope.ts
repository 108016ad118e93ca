// The least an activity must have before the Bot Framework adapter sees it. Anything less is
// a client error (400), not a server failure.
export function envelopeProblem(body: unknown): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'the body must be a JSON activity';
  const a = body as Record<string, unknown>;
  if (typeof a.type !== 'string' || a.type.length === 0 || a.type.length > 64) return 'type is missing';
  if (typeof a.serviceUrl !== 'string' || !/^https?:\/\/\S+$/.test(a.serviceUrl)) return 'serviceUrl is missing or not a URL';
  const conversation = a.conversation as Record<string, unknown> | undefined;
  if (!conversation || typeof conversation.id !== 'string' || conversation.id.length === 0) return 'conversation.id is missing';
  const from = a.from as Record<string, unknown> | undefined;
  if (from !== undefined && (typeof from !== 'object' || from === null)) return 'from must be an object';
  return undefined;
}
