import template from '../../cards/slip.json';
import notificationTemplate from '../../cards/slip-notification.json';
import { SLIP_LIMITS, type Slip } from '../domain/slip';
import type { PersonRef } from '../domain/person';
import { attachment, expand, type CardAttachment } from './render';
import { formatWhen, listOf, safeName, userText } from './safe-text';

export interface SlipCardView {
  slip: Slip;
  /** Preferred job titles by person id, where people have set one. */
  titles: Record<string, string>;
  /** Whose view this is; undefined for the card everyone sees. */
  viewer?: PersonRef;
  /** People whose Teams client fetches their own view (Universal Actions, at most 60). */
  refreshUserIds: string[];
  timeZone: string;
  teamName?: string;
}

const named = (p: PersonRef, titles: Record<string, string>) =>
  titles[p.id] ? `${safeName(p.name)} (${safeName(titles[p.id])})` : safeName(p.name);

export function cosignLine(cosigners: PersonRef[]): string {
  if (cosigners.length === 0) return '';
  const shown = cosigners.slice(0, SLIP_LIMITS.namedCosigners).map((c) => safeName(c.name));
  const rest = cosigners.length - shown.length;
  const who = rest > 0 ? `${shown.join(', ')} and ${rest} ${rest === 1 ? 'other' : 'others'}` : listOf(shown);
  return `${who} ${cosigners.length === 1 ? 'adds their thanks' : 'add their thanks'} too.`;
}

function footer(slip: Slip, timeZone: string, teamName?: string): string {
  const when = formatWhen(slip.createdAt, timeZone);
  if (slip.visibility === 'private') return `${when} · Private: only ${safeName(slip.sender.name)} and the people thanked can see this`;
  return `${when} · ${teamName ? `${safeName(teamName)}: ` : ''}this can be read out at the monthly governance meeting`;
}

export function slipCard(v: SlipCardView): CardAttachment {
  const { slip, viewer } = v;
  const isSender = viewer?.id === slip.sender.id;
  const isRecipient = !!viewer && slip.recipients.some((r) => r.id === viewer.id);
  const hasCosigned = !!viewer && slip.cosigners.some((c) => c.id === viewer.id);
  const viewerNote = isSender
    ? 'You sent this. Thank you for taking the time.'
    : isRecipient
      ? 'This is for you. Well done!'
      : hasCosigned
        ? 'You’ve added your thanks.'
        : '';
  const mentions = slip.recipients.map((r) => ({ text: `<at>${safeName(r.name)}</at>`, id: r.teamsId, name: safeName(r.name) }));
  const recipientsText = listOf(
    slip.recipients.map((r, i) => (v.titles[r.id] ? `${mentions[i].text} (${safeName(v.titles[r.id])})` : mentions[i].text)),
  );
  const slipRef = { slipId: slip.id, teamId: slip.teamId, month: slip.month };
  const content = expand(template, {
    speak: `${safeName(slip.sender.name)} thanked ${listOf(slip.recipients.map((r) => named(r, v.titles)))}. ${slip.message}`,
    heading: 'Thank you',
    headline: `From **${named(slip.sender, v.titles)}** to ${recipientsText}`,
    message: userText(slip.message),
    quote: slip.quote ? userText(slip.quote) : '',
    values: slip.values,
    cosignLine: cosignLine(slip.cosigners),
    viewerNote,
    footer: footer(slip, v.timeZone, v.teamName),
    mentions,
    hasRefresh: v.refreshUserIds.length > 0,
    refreshUserIds: v.refreshUserIds.slice(0, 60),
    slipRef,
    canCosign: !isSender && !isRecipient && !hasCosigned,
    cosignData: slipRef,
  });
  return attachment(content);
}

/** The personal card each recipient gets from the bot. */
export function slipNotificationCard(slip: Slip, timeZone: string, teamName?: string): CardAttachment {
  const sender = safeName(slip.sender.name);
  const others =
    slip.recipients.length > 1 ? ` and ${slip.recipients.length - 1} ${slip.recipients.length === 2 ? 'colleague' : 'colleagues'}` : '';
  return attachment(
    expand(notificationTemplate, {
      speak: `${sender} thanked you${others}. ${slip.message}`,
      heading: `${sender} thanked you${others}`,
      message: userText(slip.message),
      quote: slip.quote ? userText(slip.quote) : '',
      valuesLine: slip.values.length ? `Values: ${slip.values.join(' · ')}` : '',
      footer: `${formatWhen(slip.createdAt, timeZone)}${teamName ? ` · ${safeName(teamName)}` : ''}${slip.visibility === 'private' ? ' · Private' : ''}`,
    }),
  );
}
