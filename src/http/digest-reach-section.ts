// Reach, as the digest's web pages show it (the read-out's charts slide and the printable
// fairness panel). Pure: view model in, HTML out, everything through esc().
import { FAIRNESS_GROUP_LABELS, FEWER_THAN_5, REACH_NOTE, reachSentences, type Digest, type GroupFigure } from '../domain/digest';
import { esc } from './html';

/** A figure about a group of people, as the pages write it. */
export const figure = (f: GroupFigure) => (f === FEWER_THAN_5 ? FEWER_THAN_5 : f.toLocaleString('en-GB'));

/**
 * Reach: the overall sentences, then a row per staff group (an empty group says "no one"; a
 * group of fewer than 5 says so, never a number). Counts only, never names. It is the
 * same h3 on the read-out's charts slide and in the printable panel; `id` names its heading.
 */
export function reachSection(d: Digest, id: string): string {
  const r = d.fairness.reach;
  const words = reachSentences(r, d.month);
  const known = typeof r.members === 'number' && r.members > 0;
  const cell = (f: GroupFigure, empty: boolean) => (empty ? 'no one' : figure(f));
  const rows = r.rows
    .map(
      (row) =>
        `<tr><th scope="row">${esc(FAIRNESS_GROUP_LABELS[row.group] ?? row.group)}</th><td class="num">${esc(cell(row.members, row.members === 0))}</td><td class="num">${esc(cell(row.reached, row.members === 0))}</td></tr>`,
    )
    .join('');
  const table = known
    ? `<table><caption>Team members by staff group, and how many received a thank-you or a nomination this month</caption><thead><tr><th scope="col">Staff group</th><th scope="col" class="num">Team members</th><th scope="col" class="num">Received a thank-you or a nomination</th></tr></thead><tbody>${rows}</tbody></table>`
    : '';
  return `<div class="reach"><h3 id="${esc(id)}">Reach: does recognition reach the whole team?</h3>
<p class="reach-figure">${esc(words.reached)}</p>
${words.quiet ? `<p class="reach-figure">${esc(words.quiet)}</p>\n` : ''}${table}
<p class="fairness-note">${esc(REACH_NOTE)}</p>
</div>`;
}
