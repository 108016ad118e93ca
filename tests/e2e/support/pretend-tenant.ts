// The pretend Teams tenant of .m365agentsplayground.yml (people, bot, group chat, team), read
// from the file so tests never repeat its ids, and a builder for the message activities Teams
// would send when one of those people types in the group chat or a channel. Browser tests
// hand such an activity to the Playground's own "Mock an Activity" > "Custom activity" when
// someone other than the Playground's current user has to say something.
import fs from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const PLAYGROUND_CONFIG = path.join(repoRoot, '.m365agentsplayground.yml');

export interface PretendPerson {
  id: string;
  name: string;
  aadObjectId: string;
}

export interface PretendTenant {
  tenantId: string;
  bot: { id: string; name: string };
  /** The person at the keyboard in the Playground. */
  currentUser: PretendPerson;
  /** Everyone, the current user included. */
  people: PretendPerson[];
  groupChat: { id: string; name: string };
  team: { id: string; name: string; aadGroupId: string };
}

const unquote = (value: string) => value.trim().replace(/^["']|["']$/g, '');

/** The `key: value` lines of the block that starts at `key:` (a mapping nested one level under it). */
function block(lines: string[], key: string, indent = 0): Record<string, string> {
  const start = lines.findIndex((line) => line === `${' '.repeat(indent)}${key}:`);
  if (start < 0) throw new Error(`${key} is missing from the Playground config`);
  const fields: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    const m = /^(\s+)([A-Za-z]+):\s*(.*)$/.exec(line);
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!m || m[1].length <= indent) break;
    if (m[1].length === indent + 2 && m[3]) fields[m[2]] = unquote(m[3]);
  }
  return fields;
}

function users(lines: string[]): PretendPerson[] {
  const start = lines.indexOf('users:');
  if (start < 0) throw new Error('users is missing from the Playground config');
  const people: Array<Record<string, string>> = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) break;
    const m = /^\s+(-\s+)?([A-Za-z]+):\s*(.*)$/.exec(line);
    if (!m) continue;
    if (m[1]) people.push({});
    people[people.length - 1][m[2]] = unquote(m[3]);
  }
  return people.map(person);
}

function person(fields: Record<string, string>): PretendPerson {
  if (!fields.id || !fields.name || !fields.aadObjectId)
    throw new Error(`A person in the Playground config lacks id, name or aadObjectId: ${JSON.stringify(fields)}`);
  return { id: fields.id, name: fields.name, aadObjectId: fields.aadObjectId };
}

/** Reads the Playground config (the one at the repository root unless another is given). */
export function readPretendTenant(file = PLAYGROUND_CONFIG): PretendTenant {
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  const top = (key: string) => unquote((lines.find((l) => l.startsWith(`${key}:`)) ?? '').slice(key.length + 1));
  const currentUser = person(block(lines, 'currentUser'));
  const bot = block(lines, 'bot');
  const groupChat = block(lines, 'groupChat');
  const team = block(lines, 'team');
  return {
    tenantId: top('tenantId'),
    bot: { id: bot.id, name: bot.name },
    currentUser,
    people: [currentUser, ...users(lines)],
    groupChat: { id: groupChat.id, name: groupChat.name },
    team: { id: team.id, name: team.name, aadGroupId: team.aadGroupId },
  };
}

export function personNamed(tenant: PretendTenant, name: string): PretendPerson {
  const found = tenant.people.find((p) => p.name === name);
  if (!found) throw new Error(`Nobody called ${name} in the Playground config`);
  return found;
}

let mockCount = 0;

/**
 * The message activity Teams sends the bot when `from` posts `text` in the General channel (a
 * new post) or the group chat. `@{Priya Shah}` in the text becomes an @mention; the bot is
 * @mentioned first, as Teams only tells a bot about messages that mention it there.
 */
export function teamsMessage(
  tenant: PretendTenant,
  options: { from: string; text: string; where: 'channel' | 'group'; serviceUrl: string },
): Record<string, unknown> {
  const from = personNamed(tenant, options.from);
  const mentions: Array<{ id: string; name: string }> = [tenant.bot];
  const body = options.text.replace(/@\{([^}]+)\}/g, (_, name: string) => {
    const who = personNamed(tenant, name);
    mentions.push({ id: who.id, name: who.name });
    return `<at>${who.name}</at>`;
  });
  const channel = options.where === 'channel';
  return {
    type: 'message',
    id: `mock-${Date.now()}-${++mockCount}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: { id: tenant.bot.id, name: tenant.bot.name },
    conversation: channel
      ? { id: tenant.team.id, isGroup: true, conversationType: 'channel', tenantId: tenant.tenantId }
      : { id: tenant.groupChat.id, isGroup: true, conversationType: 'groupChat', tenantId: tenant.tenantId },
    text: `<at>${tenant.bot.name}</at> ${body}`,
    textFormat: 'plain',
    locale: 'en-GB',
    entities: mentions.map((m) => ({ type: 'mention', mentioned: { id: m.id, name: m.name }, text: `<at>${m.name}</at>` })),
    // As Teams sends it: a message names the team by id only (its name comes with conversationUpdate).
    channelData: channel
      ? {
          tenant: { id: tenant.tenantId },
          team: { id: tenant.team.id },
          channel: { id: tenant.team.id },
          teamsTeamId: tenant.team.id,
          teamsChannelId: tenant.team.id,
        }
      : { tenant: { id: tenant.tenantId } },
  };
}
