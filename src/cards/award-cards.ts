// The star of the month announcement (team channel) and the personal messages that go with
// it: one to each winner, and one to every nominee with what colleagues said about them.
import announcementTemplate from '../../cards/award-announcement.json';
import personalTemplate from '../../cards/award-personal.json';
import { monthLabel } from '../domain/box';
import type { Award, Nomination } from '../domain/star-of-the-month';
import { attachment, expand, type CardAttachment } from './render';
import { listOf, safeName, userText } from './safe-text';

export interface AwardCardContext {
  award: Award;
  teamName: string;
  prizeText: string;
  nominationCount: number;
}

const names = (people: Award['winners']) => listOf(people.map((p) => safeName(p.name)));

export function awardAnnouncementCard(c: AwardCardContext): CardAttachment {
  const { award } = c;
  const label = monthLabel(award.month);
  const mentions = award.winners.map((w) => ({ text: `<at>${safeName(w.name)}</at>`, id: w.teamsId, name: safeName(w.name) }));
  const joint = award.winners.length > 1;
  return attachment(
    expand(announcementTemplate, {
      speak: `Star of the month for ${label}: ${names(award.winners)}. ${award.citation}`,
      heading: `Star of the month: ${label}`,
      headline: `Congratulations to ${listOf(mentions.map((m) => m.text))}, ${joint ? 'our joint stars' : 'our star'} of the month!`,
      mentions,
      citation: userText(award.citation),
      values: award.values,
      prize: c.prizeText ? `Prize: ${userText(c.prizeText)}` : '',
      highlyCommended: award.highlyCommended.length ? `Highly commended: ${names(award.highlyCommended)}` : '',
      footer: `${safeName(c.teamName)} · chosen from ${c.nominationCount} ${c.nominationCount === 1 ? 'nomination' : 'nominations'} by colleagues`,
    }),
  );
}

export function winnerCard(c: AwardCardContext): CardAttachment {
  const { award } = c;
  const label = monthLabel(award.month);
  const others = award.winners.length > 1 ? ` jointly with ${award.winners.length - 1 === 1 ? 'a colleague' : 'colleagues'}` : '';
  return attachment(
    expand(personalTemplate, {
      speak: `Congratulations! You are star of the month for ${label}. ${award.citation}`,
      heading: 'Congratulations, you are star of the month!',
      intro: `${safeName(c.teamName)} chose you as star of the month for ${label}${others}. Here is what your lead wrote:`,
      citation: userText(award.citation),
      reasons: [],
      outcome: c.prizeText ? `Prize: ${userText(c.prizeText)}` : '',
      footer: 'This award is kept in your recognition history.',
    }),
  );
}

/** What colleagues said, for every nominee, whether or not they won. */
export function nomineeCard(c: AwardCardContext, nominations: Nomination[]): CardAttachment {
  const { award } = c;
  const label = monthLabel(award.month);
  const me = nominations[0]?.nominee;
  const won = !!me && award.winners.some((w) => w.id === me.id);
  const commended = !!me && award.highlyCommended.some((p) => p.id === me.id);
  const outcome = won
    ? 'And you were chosen as star of the month. Well done!'
    : commended
      ? `You were highly commended. The star of the month is ${names(award.winners)}.`
      : `The star of the month is ${names(award.winners)}. Being nominated by your colleagues says a lot about the difference you make.`;
  const count = nominations.length;
  return attachment(
    expand(personalTemplate, {
      speak: `You were nominated for star of the month for ${label}, by ${count} ${count === 1 ? 'colleague' : 'colleagues'}.`,
      heading: 'You were nominated for star of the month',
      intro: `${count === 1 ? 'A colleague' : `${count} colleagues`} in ${safeName(c.teamName)} nominated you for ${label}. Here is what they said:`,
      citation: '',
      reasons: nominations.map((n) => ({
        reason: userText(n.reason),
        by: n.anonymous ? 'From a colleague (they kept their name from the team)' : `From ${safeName(n.nominator.name)}`,
      })),
      outcome,
      footer: 'Nominations are kept in your recognition history.',
    }),
  );
}
