// Locally, Valued is "added to" the Playground's team when `npm start` begins, as Teams would do
// when a team owner adds the app: the bot reads the team's roster from the Playground (which
// answers the members APIs from its YAML), so everyone there is a member from the first click,
// and `nominate` works in Amara's personal chat before she has used the team's channel.
import fs from 'node:fs';

export interface PlaygroundTeam {
  tenantId: string;
  botId: string;
  botName: string;
  user: { id: string; name: string; aadObjectId: string };
  team: { id: string; name: string; aadGroupId: string };
}

/** The values under a top-level YAML key (one level of `key: value` lines). */
function block(lines: string[], key: string): Record<string, string> {
  const start = lines.findIndex((l) => new RegExp(`^${key}:\\s*$`).test(l));
  const fields: Record<string, string> = {};
  if (start < 0) return fields;
  for (const line of lines.slice(start + 1)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const m = /^\s{2}([A-Za-z]+):\s*(.*?)\s*$/.exec(line);
    if (!m) break;
    fields[m[1]] = m[2].replace(/^["']|["']$/g, '');
  }
  return fields;
}

export function parsePlaygroundTeam(yaml: string): PlaygroundTeam | undefined {
  const lines = yaml.split(/\r?\n/);
  const tenantId = /^tenantId:\s*(\S+)/m.exec(yaml)?.[1] ?? '';
  const bot = block(lines, 'bot');
  const user = block(lines, 'currentUser');
  const team = block(lines, 'team');
  if (!tenantId || !bot.id || !user.id || !team.id) return undefined;
  return {
    tenantId,
    botId: bot.id,
    botName: bot.name ?? 'Valued',
    user: { id: user.id, name: user.name ?? '', aadObjectId: user.aadObjectId ?? '' },
    team: { id: team.id, name: team.name ?? '', aadGroupId: team.aadGroupId ?? '' },
  };
}

/** The conversationUpdate Teams sends when the app is added to a team. */
export function valuedAddedActivity(p: PlaygroundTeam, serviceUrl: string): Record<string, unknown> {
  return {
    type: 'conversationUpdate',
    id: `f:valued-added-${Date.now()}`,
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: p.user.id, name: p.user.name, aadObjectId: p.user.aadObjectId },
    recipient: { id: p.botId, name: p.botName },
    conversation: { id: p.team.id, conversationType: 'channel', isGroup: true, tenantId: p.tenantId },
    membersAdded: [{ id: p.botId }],
    channelData: { tenant: { id: p.tenantId }, team: p.team, eventType: 'teamMemberAdded' },
  };
}

/** Tells the bot it was added to the Playground's team; false (and the reason) when it could not. */
export async function addValuedToPlaygroundTeam(
  configPath: string,
  botMessagesUrl: string,
  playgroundUrl: string,
): Promise<{ ok: boolean; reason?: string }> {
  let parsed: PlaygroundTeam | undefined;
  try {
    parsed = parsePlaygroundTeam(fs.readFileSync(configPath, 'utf8'));
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
  if (!parsed) return { ok: false, reason: 'the Playground config has no team' };
  const res = await fetch(botMessagesUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(valuedAddedActivity(parsed, playgroundUrl)),
  });
  return res.ok ? { ok: true } : { ok: false, reason: `the bot answered ${res.status}` };
}
