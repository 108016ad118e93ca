// The monthly governance digest as a card: totals and the change from last month, star of the
// month, nominations, values, the fairness panel with Reach, and the first slips to read out.
// It shows only what the Digest holds, so what the digest leaves out (private slips, people who
// opted out) can never reach a card.
import template from '../../cards/digest.json';
import { monthLabel, previousMonth } from '../domain/box';
import {
  FEWER_THAN_5,
  NO_ONE_IN_GROUP,
  SMALL_GROUPS_EXPLAINED,
  REACH_NOTE,
  reachSentences,
  type Digest,
  type DigestSlip,
  type FairnessRow,
  type GroupFigure,
  type Reach,
  FAIRNESS_GROUP_LABELS,
} from '../domain/digest';
import { attachment, expand, type CardAttachment } from './render';
import { listOf, safeName, userText } from './safe-text';
import { dateFormat } from '../domain/date-format';

/** Signed links for one lead; the read-out, the printable page and the CSV of the box. */
export interface DigestLinks {
  readOut: string;
  print: string;
  csv: string;
}

export interface DigestCardView {
  digest: Digest;
  /** Only on a lead's own card. Without them (a channel post) the card offers the leads-only button instead. */
  links?: DigestLinks;
  /** How long the links work, for the line under them. */
  linkHours?: number;
  notice?: string;
  error?: string;
}

// Cards must stay under 28 KB; read-out slips are dropped from the card (never from the
// read-out) until it fits, with room to spare for what Teams adds around it.
export const DIGEST_CARD_BUDGET = 26 * 1024;
// Values are a team's own list (up to 12), but a month can hold values since removed.
const MAX_VALUES = 15;

// Names and titles go into our own formatted text: no markdown, and no address Teams would link.
const nameOf = (s: string): string => userText(safeName(s));

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "April", or "December 2025" when the year differs. */
function previousLabel(month: string): string {
  const prev = previousMonth(month);
  const label = monthLabel(prev);
  return prev.slice(0, 4) === month.slice(0, 4) ? label.replace(/\s+\d{4}$/, '') : label;
}

/** "5 more than April", "3 fewer than April", "the same as April". */
export function changeFrom(now: number, before: number, label: string): string {
  if (now === before) return `the same as ${label}`;
  return now > before ? `${now - before} more than ${label}` : `${before - now} fewer than ${label}`;
}

const figure = (f: GroupFigure): string => String(f);
const allHidden = (r: FairnessRow): boolean =>
  [r.peopleReceiving, r.slipsReceived, r.peopleGiving, r.slipsGiven].every((f) => f === FEWER_THAN_5);
const nobody = (r: FairnessRow): boolean => r.peopleReceiving === 0 && r.peopleGiving === 0;
const groupName = (r: { group: FairnessRow['group'] }) => FAIRNESS_GROUP_LABELS[r.group] ?? nameOf(String(r.group));

/**
 * Reach on the card: the overall sentences, a row per staff group with members (groups with
 * none are left out), and the hidden groups named in one line, as the panel does.
 */
function reachView(r: Reach, month: string) {
  const words = reachSentences(r, month);
  const known = typeof r.members === 'number' && r.members > 0;
  const withMembers = known ? r.rows.filter((row) => row.members !== 0) : [];
  const shown = withMembers.filter((row) => row.members !== FEWER_THAN_5);
  const small = withMembers
    .filter((row) => row.members === FEWER_THAN_5)
    .map((row) => FAIRNESS_GROUP_LABELS[row.group] ?? nameOf(String(row.group)));
  return {
    reached: words.reached,
    quiet: words.quiet,
    rows: shown.map((row) => ({
      group: FAIRNESS_GROUP_LABELS[row.group] ?? nameOf(String(row.group)),
      members: figure(row.members),
      reached: figure(row.reached),
    })),
    small: small.length ? `Not shown, as they have 1 to 4 members: ${listOf(small)}.` : '',
    note: REACH_NOTE,
  };
}

function when(iso: string, timeZone: string): string {
  return dateFormat({ day: 'numeric', month: 'long', timeZone }).format(new Date(iso));
}

function slipView(s: DigestSlip, recipientId: string, timeZone: string) {
  const others = s.recipients.filter((r) => r.id !== recipientId).map((r) => nameOf(r.name));
  const by = [
    `From ${nameOf(s.sender.name)}`,
    ...(s.values.length ? [s.values.map(nameOf).join(', ')] : []),
    ...(others.length ? [`also for ${listOf(others)}`] : []),
    ...(s.cosigners ? [`${plural(s.cosigners, 'colleague')} added their thanks`] : []),
    when(s.createdAt, timeZone),
  ];
  return { message: userText(s.message), quote: s.quote ? userText(`“${s.quote}”`) : '', by: by.join(' · ') };
}

/** Every read-out entry (a slip under one recipient), in read-out order. */
function entries(d: Digest): number {
  return d.readOut.reduce((n, g) => n + g.slips.length, 0);
}

export function digestCard(v: DigestCardView): CardAttachment {
  const fits = (c: CardAttachment) => Buffer.byteLength(JSON.stringify(c.content)) <= DIGEST_CARD_BUDGET;
  const total = entries(v.digest);
  // Grow the number of slips shown until the card no longer fits, then narrow down: a few
  // renders of a card-sized card, never one render of a 2,000-slip box.
  let good = 0;
  let best = render(v, 0);
  let bad = total + 1;
  let n = Math.min(8, total);
  while (n > good) {
    const card = render(v, n);
    if (!fits(card)) {
      bad = n;
      break;
    }
    good = n;
    best = card;
    n = Math.min(n * 2, total);
  }
  while (bad - good > 1) {
    const mid = Math.floor((good + bad) / 2);
    const card = render(v, mid);
    if (fits(card)) {
      good = mid;
      best = card;
    } else bad = mid;
  }
  return best;
}

function render(v: DigestCardView, shown: number): CardAttachment {
  const d = v.digest;
  const heading = `${nameOf(d.teamName)} — digest for ${monthLabel(d.month)}`;
  const prev = previousLabel(d.month);
  const totalsLine = `${plural(d.totals.slips, 'slip')}, ${changeFrom(d.totals.slips, d.previous.slips, prev)}`;

  const award = d.award
    ? {
        winners:
          d.award.winners.length > 1
            ? `Joint winners: ${listOf(d.award.winners.map((w) => nameOf(w.name)))}`
            : nameOf(d.award.winners[0]?.name ?? ''),
        highlyCommended: d.award.highlyCommended.length
          ? `Highly commended: ${listOf(d.award.highlyCommended.map((p) => nameOf(p.name)))}`
          : '',
        citation: d.award.citation.trim() ? userText(d.award.citation.trim()) : '',
      }
    : { winners: 'Not announced yet', highlyCommended: '', citation: '' };

  const n = d.nominations;
  const nominationsLine = n.nominations
    ? `${plural(n.nominations, 'nomination')} for ${plural(n.nominees, 'colleague')}, made by ${plural(n.nominators, 'person', 'people')}${n.shortlisted ? `; ${n.shortlisted} shortlisted` : ''}.`
    : 'No nominations this month.';

  // A month without slips has nothing to compare; a group with every figure hidden, or with no one
  // in it, is named in one line rather than a row of "fewer than 5" or of noughts.
  const rows = d.totals.slips ? d.fairness.rows : [];
  const fairnessRows = rows.filter((r) => !allHidden(r) && !nobody(r));
  const small = rows.filter(allHidden).map(groupName);
  const empty = rows.filter(nobody).map(groupName);
  const sw = d.fairness.toSupportWorkers;
  const supportWorkersLine = `Slips to support workers: ${figure(sw.total)} in all, ${figure(sw.fromRegistered)} from registered professionals and ${figure(sw.fromManagers)} from managers.`;

  // The first `shown` entries, in read-out order, kept in their recipient groups.
  const groups: Array<{ heading: string; slips: ReturnType<typeof slipView>[] }> = [];
  let left = shown;
  for (const g of d.readOut) {
    if (left <= 0) break;
    const take = g.slips.slice(0, left);
    left -= take.length;
    const name = nameOf(g.recipient.name);
    groups.push({
      heading: g.title?.trim() ? `For ${name}, ${nameOf(g.title)}` : `For ${name}`,
      slips: take.map((s) => slipView(s, g.recipient.id, d.timeZone)),
    });
  }
  const total = entries(d);
  const more = total - shown;
  const readOutLine =
    d.readOutSlips === 0
      ? d.totals.slips === 0
        ? 'No slips this month.'
        : 'None of this month’s slips are for reading out: they were private, or the people thanked chose not to have them read out.'
      : `${plural(d.readOutSlips, 'slip')} to read out, by the person thanked.${more > 0 ? ' The first are below; the read-out has them all, one at a time.' : ''}`;

  const withLinks = !!v.links;
  return attachment(
    expand(template, {
      speak: `${heading}. ${totalsLine}. Star of the month: ${award.winners}.`,
      heading,
      notice: v.notice ?? '',
      error: v.error ?? '',
      totalsLine,
      totals: [
        {
          title: 'People thanked',
          value: `${d.totals.peopleThanked} (${changeFrom(d.totals.peopleThanked, d.previous.peopleThanked, prev)})`,
        },
        {
          title: 'Colleagues who sent thanks',
          value: `${d.totals.peopleThanking} (${changeFrom(d.totals.peopleThanking, d.previous.peopleThanking, prev)})`,
        },
        { title: 'Thanks added to slips', value: String(d.totals.cosigns) },
        ...(d.totals.privateSlips ? [{ title: 'Private slips', value: `${d.totals.privateSlips} (counted, never read out)` }] : []),
      ],
      award,
      nominationsLine,
      values: d.values.slice(0, MAX_VALUES).map((x) => ({ value: nameOf(x.value), slips: plural(x.slips, 'slip') })),
      valuesMore: d.values.length > MAX_VALUES ? `and ${plural(d.values.length - MAX_VALUES, 'other value')}` : '',
      fairness: fairnessRows.map((r) => ({
        group: FAIRNESS_GROUP_LABELS[r.group] ?? nameOf(String(r.group)),
        peopleReceiving: figure(r.peopleReceiving),
        slipsReceived: figure(r.slipsReceived),
        peopleGiving: figure(r.peopleGiving),
        slipsGiven: figure(r.slipsGiven),
      })),
      fairnessIntro: `By staff group, as people chose to say in their profile. ${SMALL_GROUPS_EXPLAINED}`,
      fairnessSmall: small.length ? `Hidden, as they have 1 to 4 people: ${listOf(small)}.` : '',
      fairnessEmpty: empty.length ? `${listOf(empty)}: ${empty.length === 1 ? NO_ONE_IN_GROUP : 'no one in these groups'} this month.` : '',
      noSlips: !d.totals.slips,
      supportWorkersLine,
      reach: reachView(d.fairness.reach, d.month),
      readOutLine,
      groups,
      more: more > 0 ? `and ${more} more in the read-out` : '',
      linksNote: withLinks
        ? `These links are just for you, so please don’t forward them. They work for ${plural(v.linkHours ?? 12, 'hour')}. To share the read-out at the meeting, open it and share your screen.`
        : '',
      withLinks,
      links: v.links ?? { readOut: '', print: '', csv: '' },
      leadsButton: !withLinks,
      ref: { teamId: d.teamId, month: d.month },
    }),
  );
}
