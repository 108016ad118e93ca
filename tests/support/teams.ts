// Builders for real Teams activity JSON: the shapes Teams posts to /api/messages. Later
// features reuse these for messages, message extensions, card actions and task modules.
import { createHash, randomUUID } from 'node:crypto';

export interface TestPerson {
  id: string;
  name: string;
  aadObjectId: string;
}

export const TENANT = '72f988bf-0000-4000-8000-00000000a001';
export const BOT = { id: '28:valued-bot', name: 'Valued' };
export const TEAM = { id: '19:therapies-team@thread.tacv2', name: 'Therapies Team', aadGroupId: '0b0d6a5e-1111-4a5e-9a7b-000000000001' };
export const CHANNEL = { id: '19:therapies-general@thread.tacv2', name: 'General' };
export const GROUP_CHAT = { id: '19:group-chat-therapies@thread.v2' };

const person = (n: number, name: string): TestPerson => ({
  id: `29:user-${n}`,
  name,
  aadObjectId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
});
export const people = {
  amara: person(1, 'Amara Okafor'),
  sam: person(2, 'Sam Patel'),
  jo: person(3, 'Jo Williams'),
  ola: person(4, 'Ola Nowak'),
  priya: person(5, 'Priya Shah'),
};
/** A person as Teams lists them among a conversation's members. */
export const member = (p: TestPerson) => ({ id: p.id, name: p.name, aadObjectId: p.aadObjectId });
/** Many distinct people, for concurrency tests. */
export const crowd = (count: number, offset = 100): TestPerson[] =>
  Array.from({ length: count }, (_, i) => person(offset + i, `Colleague ${offset + i}`));

export type Where = 'personal' | 'groupChat' | 'channel';

export function conversationFor(where: Where, from: TestPerson) {
  if (where === 'channel')
    return { id: `${CHANNEL.id};messageid=1700000000000`, conversationType: 'channel', isGroup: true, tenantId: TENANT };
  if (where === 'groupChat') return { id: GROUP_CHAT.id, conversationType: 'groupChat', isGroup: true, tenantId: TENANT };
  // Opaque, as Teams' own are: a personal chat's id does not contain the person's ids.
  return {
    id: `a:1${createHash('sha256').update(from.aadObjectId).digest('hex').slice(0, 24)}`,
    conversationType: 'personal',
    tenantId: TENANT,
  };
}

export function channelData(where: Where) {
  const base = { tenant: { id: TENANT } };
  return where === 'channel' ? { ...base, team: TEAM, channel: CHANNEL } : base;
}

export interface ActivityOptions {
  from?: TestPerson;
  where?: Where;
  serviceUrl: string;
  id?: string;
}

function envelope(o: ActivityOptions) {
  const from = o.from ?? people.amara;
  const where = o.where ?? 'personal';
  return {
    id: o.id ?? `f:${randomUUID()}`,
    channelId: 'msteams',
    serviceUrl: o.serviceUrl,
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    locale: 'en-GB',
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: { ...BOT },
    conversation: conversationFor(where, from),
    channelData: channelData(where),
  };
}

/** A message; `mentions` become Teams mention entities with <at> text, as Teams sends them. */
export function message(text: string, o: ActivityOptions & { mentions?: TestPerson[]; mentionBot?: boolean }) {
  const mentions = [...(o.mentionBot ? [{ id: BOT.id, name: BOT.name }] : []), ...(o.mentions ?? [])];
  let fullText = text;
  for (const p of o.mentions ?? []) fullText = fullText.replace(`@${p.name.split(' ')[0]}`, `<at>${p.name}</at>`);
  if (o.mentionBot) fullText = `<at>${BOT.name}</at> ${fullText}`;
  return {
    ...envelope(o),
    type: 'message',
    text: fullText,
    textFormat: 'plain',
    entities: [
      ...mentions.map((p) => ({ type: 'mention', text: `<at>${p.name}</at>`, mentioned: { id: p.id, name: p.name } })),
      { type: 'clientInfo', locale: 'en-GB', country: 'GB', platform: 'Web', timezone: 'Europe/London' },
    ],
  };
}

/** Submitting an Action.Submit on a card: Teams sends a message with `value` and no text. */
export function cardSubmit(value: Record<string, unknown>, o: ActivityOptions & { replyToId?: string }) {
  return { ...envelope(o), type: 'message', value, replyToId: o.replyToId ?? 'act-1' };
}

export function installationUpdate(o: ActivityOptions) {
  return { ...envelope(o), type: 'installationUpdate', action: 'add' };
}

export function botAdded(o: ActivityOptions) {
  return {
    ...envelope(o),
    type: 'conversationUpdate',
    membersAdded: [{ id: BOT.id }],
    channelData: { ...channelData(o.where ?? 'personal'), eventType: o.where === 'channel' ? 'teamMemberAdded' : undefined },
  };
}

/** Teams' events in a team: Valued or people added or removed, the team deleted. */
export const teamEvent = {
  botAdded: (o: ActivityOptions) => ({
    ...envelope({ ...o, where: 'channel' }),
    type: 'conversationUpdate',
    conversation: { id: TEAM.id, conversationType: 'channel', isGroup: true, tenantId: TENANT },
    membersAdded: [{ id: BOT.id }],
    channelData: { tenant: { id: TENANT }, team: TEAM, eventType: 'teamMemberAdded' },
  }),
  botRemoved: (o: ActivityOptions) => ({
    ...envelope({ ...o, where: 'channel' }),
    type: 'conversationUpdate',
    conversation: { id: TEAM.id, conversationType: 'channel', isGroup: true, tenantId: TENANT },
    membersRemoved: [{ id: BOT.id }],
    channelData: { tenant: { id: TENANT }, team: TEAM, eventType: 'teamMemberRemoved' },
  }),
  // Teams sends ids only for people added or removed: no name.
  memberAdded: (who: TestPerson, o: ActivityOptions) => ({
    ...envelope({ ...o, where: 'channel' }),
    type: 'conversationUpdate',
    conversation: { id: TEAM.id, conversationType: 'channel', isGroup: true, tenantId: TENANT },
    membersAdded: [{ id: who.id, aadObjectId: who.aadObjectId }],
    channelData: { tenant: { id: TENANT }, team: TEAM, eventType: 'teamMemberAdded' },
  }),
  memberRemoved: (who: TestPerson, o: ActivityOptions) => ({
    ...envelope({ ...o, where: 'channel' }),
    type: 'conversationUpdate',
    conversation: { id: TEAM.id, conversationType: 'channel', isGroup: true, tenantId: TENANT },
    membersRemoved: [{ id: who.id, aadObjectId: who.aadObjectId }],
    channelData: { tenant: { id: TENANT }, team: TEAM, eventType: 'teamMemberRemoved' },
  }),
  teamDeleted: (o: ActivityOptions) => ({
    ...envelope({ ...o, where: 'channel' }),
    type: 'conversationUpdate',
    conversation: { id: TEAM.id, conversationType: 'channel', isGroup: true, tenantId: TENANT },
    channelData: { tenant: { id: TENANT }, team: TEAM, eventType: 'teamDeleted' },
  }),
};

function invoke(name: string, value: unknown, o: ActivityOptions & { replyToId?: string }) {
  return { ...envelope(o), type: 'invoke', name, value, ...(o.replyToId ? { replyToId: o.replyToId } : {}) };
}

export const composeExtension = {
  fetchTask: (commandId: string, o: ActivityOptions & { context?: 'compose' | 'commandbox' | 'message'; messagePayload?: unknown }) =>
    invoke(
      'composeExtension/fetchTask',
      {
        commandId,
        commandContext: o.context ?? 'compose',
        context: { theme: 'default' },
        ...(o.messagePayload ? { messagePayload: o.messagePayload } : {}),
      },
      o,
    ),
  submitAction: (
    commandId: string,
    data: unknown,
    o: ActivityOptions & {
      context?: 'compose' | 'commandbox' | 'message';
      botMessagePreviewAction?: 'edit' | 'send';
      botActivityPreview?: unknown[];
      messagePayload?: unknown;
    },
  ) =>
    invoke(
      'composeExtension/submitAction',
      {
        commandId,
        commandContext: o.context ?? 'compose',
        data,
        context: { theme: 'default' },
        ...(o.botMessagePreviewAction
          ? { botMessagePreviewAction: o.botMessagePreviewAction, botActivityPreview: o.botActivityPreview }
          : {}),
        ...(o.messagePayload ? { messagePayload: o.messagePayload } : {}),
      },
      o,
    ),
};

/** An Action.Execute press (Universal Actions). */
export function cardAction(verb: string, data: Record<string, unknown>, o: ActivityOptions & { replyToId?: string }) {
  return invoke('adaptiveCard/action', { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' }, o);
}

export const taskModule = {
  fetch: (data: Record<string, unknown>, o: ActivityOptions) => invoke('task/fetch', { data, context: { theme: 'default' } }, o),
  submit: (data: Record<string, unknown>, o: ActivityOptions) => invoke('task/submit', { data, context: { theme: 'default' } }, o),
};

/** A message as Teams hands it to a message action ("..." on a message). */
export function messagePayload(from: TestPerson, html: string) {
  return {
    id: '1700000000123',
    createdDateTime: new Date().toISOString(),
    from: { user: { id: from.id, displayName: from.name, aadObjectId: from.aadObjectId, userIdentityType: 'aadUser' } },
    body: { contentType: 'html', content: html },
  };
}
