import template from '../../cards/nomination-review.json';
import { monthLabel } from '../domain/box';
import type { BoxReview, NomineeSummary } from '../services/award-service';
import { attachment, expand, type CardAttachment } from './render';
import { formatWhen, listOf, safeName, userText } from './safe-text';
import { whenInWords } from '../domain/working-days';

export interface ReviewCardView {
  review: BoxReview;
  timeZone: string;
  /** A confirmation of what was just done. */
  notice?: string;
  /** Why the last action could not be done. */
  error?: string;
  /** The vote lengths a lead may choose from, with when each would close. */
  voteLengths?: Array<{ days: number; closesAt: Date }>;
  defaultVoteDays?: number;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function statusLine(r: BoxReview, timeZone: string): string {
  const { round, tally } = r;
  const parts: string[] = [];
  if (round.announcedAt) parts.push(`Announced on ${formatWhen(round.announcedAt, timeZone)}`);
  else parts.push(round.nominationsClosed ? 'Nominations have closed; new ones go into next month’s box' : 'Nominations are open');
  if (!r.settings.voteEnabled && round.vote === 'not started') parts.push('team vote: off (a lead can turn it on with settings)');
  else if (round.vote === 'not started') parts.push('team vote: not opened yet');
  else if (round.vote === 'open')
    parts.push(
      `team vote open${round.voteClosesAt ? ` until ${whenInWords(new Date(round.voteClosesAt), timeZone)}` : ''}: ${plural(tally?.total ?? 0, 'vote')} so far`,
    );
  else parts.push(`team vote closed: ${plural(tally?.total ?? 0, 'vote')}`);
  return `${parts.join(' · ')}.`;
}

// Cards must stay under 28 KB; a very full box shows shorter reasons rather than failing.
const BUDGET = 26 * 1024;
// Each step: how long a reason may be, and how many nominees show their reasons at all.
const STEPS: Array<[number, number]> = [
  [2000, Infinity],
  [400, Infinity],
  [160, Infinity],
  [60, Infinity],
  [60, 15],
  [60, 5],
];

const shorten = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

function nomineeView(n: NomineeSummary, r: BoxReview, reasonMax: number, withReasons: boolean) {
  const id = n.nominee.id;
  const shortlisted = r.round.shortlist.includes(id);
  const chosen = r.round.winners.includes(id);
  const votes = r.tally?.counts.find((c) => c.nomineeId === id)?.votes;
  const facts = [
    plural(n.nominations.length, 'nomination'),
    `${plural(n.slipCount, 'slip')} this month`,
    `last won: ${n.lastWonMonth ? monthLabel(n.lastWonMonth) : 'never'}`,
    ...(shortlisted ? ['shortlisted'] : []),
    ...(votes !== undefined && shortlisted ? [plural(votes, 'vote')] : []),
  ];
  const warn = (shortlisted || chosen) && n.recentWinMonth;
  return {
    title: safeName(n.nominee.name),
    facts: facts.join(' · '),
    warning: warn
      ? `${safeName(n.nominee.name)} was star of the month in ${monthLabel(n.recentWinMonth!)}, within the last ${plural(r.settings.repeatWinnerMonths, 'month')}. You may want to share the recognition around, but it’s your call.`
      : '',
    reasons: (withReasons ? n.nominations : []).map((nom) => ({
      reason: userText(shorten(nom.reason, reasonMax)),
      by: [
        `From ${safeName(nom.nominator.name)}${nom.anonymous ? ' (name kept from the team)' : ''}`,
        ...(nom.values.length ? [nom.values.join(', ')] : []),
        ...(nom.slipIds.length ? [`${plural(nom.slipIds.length, 'slip')} attached`] : []),
      ].join(' · '),
    })),
  };
}

export function nominationReviewCard(v: ReviewCardView): CardAttachment {
  let card = render(v, ...STEPS[0]);
  for (const step of STEPS.slice(1)) {
    if (Buffer.byteLength(JSON.stringify(card.content)) <= BUDGET) break;
    card = render(v, ...step);
  }
  return card;
}

function render(v: ReviewCardView, reasonMax: number, detailed: number): CardAttachment {
  const r = v.review;
  const { round } = r;
  const announced = !!round.announcedAt;
  const name = (id: string) => safeName(r.nominees.find((n) => n.nominee.id === id)?.nominee.name ?? 'A colleague');
  const choices = r.nominees.map((n) => ({ id: n.nominee.id, name: safeName(n.nominee.name) }));
  const shortlisted = choices.filter((c) => round.shortlist.includes(c.id));
  const tally = r.tally;
  const tie =
    tally && round.vote === 'closed' && !announced && tally.leaders.length > 1
      ? `It’s a tie between ${listOf(tally.leaders.map(name))}, with ${plural(tally.counts[0].votes, 'vote')} each. It’s your call: choose one, or choose more than one as joint winners.`
      : '';
  const heading = `Star of the month: ${safeName(r.settings.teamName)}, ${monthLabel(r.month)}`;
  return attachment(
    expand(template, {
      speak: `${heading}. ${plural(r.nominees.length, 'colleague')} nominated.`,
      heading,
      status: statusLine(r, v.timeZone),
      notice: v.notice ?? (announced ? `Star of the month: ${listOf(round.winners.map(name))}.` : ''),
      error: v.error ?? '',
      tie,
      empty: `No nominations yet for ${monthLabel(r.month)}. Colleagues can nominate by typing nominate in a chat with Valued, or @Valued nominate in a team channel.`,
      nominees: r.nominees.map((n, i) => nomineeView(n, r, reasonMax, i < detailed)),
      trimmed:
        reasonMax < STEPS[0][0]
          ? `This box is very full, so ${detailed < r.nominees.length ? `reasons are shown for the ${detailed} most nominated colleagues and ` : ''}long reasons are shortened here.`
          : '',
      nomineeChoices: choices,
      winnerChoices: shortlisted.length ? shortlisted : choices,
      shortlist: round.shortlist.join(','),
      winners: round.winners.join(','),
      highlyCommended: round.highlyCommended.join(','),
      citation: round.citation,
      canShortlist: choices.length > 0 && !announced,
      canSaveShortlist: round.vote !== 'open',
      canOpenVote: r.settings.voteEnabled && round.vote === 'not started' && round.shortlist.length >= 2,
      canCloseVote: round.vote === 'open',
      canExtendVote: round.vote === 'open' && !round.voteExtended,
      voteDays: String(v.defaultVoteDays ?? 3),
      voteLengths: (v.voteLengths ?? []).map((l) => ({
        value: String(l.days),
        title: `${plural(l.days, 'working day')}: until ${whenInWords(l.closesAt, v.timeZone)}`,
      })),
      canAward: choices.length > 0 && !announced,
      canClose: !round.nominationsClosed && !announced,
      ref: { teamId: r.settings.teamId, month: r.month },
    }),
  );
}
