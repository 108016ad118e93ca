// The least an activity must have before the Bot Framework adapter sees it. Anything less is
// a client error (400), not a server failure. Teams always sends these fields with these types;
// without them teams-ai cannot load the turn (channelId, recipient.id, from.id) and replies
// cannot be serialised (the identity fields must be text).
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max = 1024): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;

/** An account (from, recipient) or conversation: an id, and text wherever text is expected. */
function accountProblem(name: string, v: unknown, optionalText: string[]): string | undefined {
  if (!isRecord(v)) return `${name} must be an object`;
  if (!isId(v.id)) return `${name}.id is missing or not an id`;
  for (const key of optionalText) {
    if (v[key] !== undefined && v[key] !== null && typeof v[key] !== 'string') return `${name}.${key} must be text`;
  }
  // These become storage keys (at most 1 KiB each): Teams' own are well under 256 characters.
  for (const key of ['aadObjectId', 'tenantId']) {
    if (typeof v[key] === 'string' && v[key] !== '' && !isId(v[key])) return `${name}.${key} is not an id`;
  }
  return undefined;
}

// Ids travel in URLs and headers of the replies and in storage keys: short, no control characters.
const isId = (v: unknown): v is string => isText(v, 256) && !/[\u0000-\u001f\u007f]/.test(v);

/** The tenant, team and channel in channelData, when present, are ids too. */
function channelDataProblem(cd: unknown): string | undefined {
  if (cd === undefined || cd === null) return undefined;
  if (!isRecord(cd)) return 'channelData must be an object';
  for (const key of ['tenant', 'team', 'channel']) {
    const part = cd[key];
    if (part === undefined || part === null) continue;
    if (!isRecord(part)) return `channelData.${key} must be an object`;
    if (part.id !== undefined && !isId(part.id)) return `channelData.${key}.id is not an id`;
  }
  return undefined;
}

// A lone surrogate is not text: it cannot be put in a storage key or URL (encodeURIComponent throws).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether any key or string in the body is not well-formed Unicode (walked without recursion). */
function hasBrokenText(body: unknown): boolean {
  const stack: unknown[] = [body];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (LONE_SURROGATE.test(v)) return true;
    } else if (typeof v === 'object' && v !== null) {
      for (const [k, child] of Object.entries(v)) {
        if (LONE_SURROGATE.test(k)) return true;
        stack.push(child);
      }
    }
  }
  return false;
}

export function envelopeProblem(body: unknown): string | undefined {
  if (!isRecord(body)) return 'the body must be a JSON activity';
  const a = body;
  if (!isText(a.type, 64)) return 'type is missing';
  if (typeof a.serviceUrl !== 'string' || !/^https?:\/\/\S+$/.test(a.serviceUrl)) return 'serviceUrl is missing or not a URL';
  // Valued is a Teams bot (the Agents Playground speaks as Teams too); teams-ai's Teams routes
  // silently skip any other channel, which would leave an invoke unanswered (a 501).
  if (a.channelId !== 'msteams') return 'channelId must be msteams';
  const conversation = accountProblem('conversation', a.conversation, ['name', 'conversationType', 'tenantId', 'aadObjectId', 'role']);
  if (conversation) return conversation;
  if (
    a.conversation &&
    (a.conversation as Record<string, unknown>).isGroup !== undefined &&
    typeof (a.conversation as Record<string, unknown>).isGroup !== 'boolean'
  )
    return 'conversation.isGroup must be true or false';
  for (const who of ['from', 'recipient'] as const) {
    const problem = accountProblem(who, a[who], ['name', 'aadObjectId', 'role']);
    if (problem) return problem;
  }
  for (const key of ['id', 'name', 'text', 'replyToId', 'locale', 'textFormat', 'action']) {
    if (a[key] !== undefined && a[key] !== null && typeof a[key] !== 'string') return `${key} must be text`;
  }
  const channelData = channelDataProblem(a.channelData);
  if (channelData) return channelData;
  if (hasBrokenText(a)) return 'the activity has text that is not well-formed Unicode';
  return undefined;
}
