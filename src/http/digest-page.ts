// The governance digest on the web: the read-out for screen sharing at the meeting, the
// printable digest, and the kind pages shown instead when a link cannot be opened. Pure: view
// model in, HTML out; people's own words only ever pass through esc().
import { previousMonth } from '../domain/box';
import { FAIRNESS_GROUP_LABELS, type Digest, type DigestSlip, type DigestTrend } from '../domain/digest';
import { figure, reachSection } from './digest-reach-section';
import type { PersonRef } from '../domain/person';
import { dayOf, esc, monthName, plural } from './html';
import { pageShell } from './my-page-shell';
import { monthlyBarChart, valueBarsChart } from './svg-charts';

export interface DigestPageView {
  digest: Digest;
  trend: DigestTrend;
  /** The same box's other views, opened with the same signed link. */
  readoutUrl: string;
  printUrl: string;
  csvUrl: string;
  generatedAt: Date;
}

/** One slide of the read-out: a slip as read to one of its recipients. */
export interface ReadOutItem {
  recipient: PersonRef;
  title?: string;
  slip: DigestSlip;
}

/** The read-out in order: recipients alphabetically, each one's slips oldest first (as the digest has them). */
export function readOutItems(d: Digest): ReadOutItem[] {
  return d.readOut.flatMap((g) => g.slips.map((slip) => ({ recipient: g.recipient, title: g.title, slip })));
}

export function digestShell(options: { title: string; bodyClass: string; body: string; scripts?: string[] }): string {
  return pageShell({ ...options, stylesheet: '/digest/styles.css' });
}

/** "Amara", "Amara and Sam", "Amara, Sam and Jo". */
export function namesList(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

const monthOnly = (month: string) => monthName(month).split(' ')[0];

/** "up 3 on April", "down 2 on April", "the same as April". */
export function changeFrom(now: number, before: number, month: string): string {
  const previous = monthOnly(previousMonth(month));
  if (now === before) return `the same as ${previous}`;
  return now > before
    ? `up ${(now - before).toLocaleString('en-GB')} on ${previous}`
    : `down ${(before - now).toLocaleString('en-GB')} on ${previous}`;
}

function heading(d: Digest): string {
  return `${d.teamName} · ${monthName(d.month)}`;
}

function header(d: Digest, links: string): string {
  return `<header class="digest-head"><div><p class="eyebrow">Valued · Monthly governance digest</p><h1>${esc(heading(d))}</h1></div>${links}</header>`;
}

function figures(d: Digest): string {
  const t = d.totals;
  const p = d.previous;
  const item = (n: number, label: string, ...notes: string[]) =>
    `<li><span class="figure">${n.toLocaleString('en-GB')}</span><span class="figure-label">${esc(label)}</span>${notes.map((note) => `<span class="change">${esc(note)}</span>`).join('')}</li>`;
  // Private thank-yous count towards the totals; their words are never shown here.
  const privately = t.privateSlips ? [`${t.privateSlips.toLocaleString('en-GB')} of them private, so not read out`] : [];
  return `<ul class="figures">
${item(t.slips, t.slips === 1 ? 'thank-you' : 'thank-yous', changeFrom(t.slips, p.slips, d.month), ...privately)}
${item(t.peopleThanked, t.peopleThanked === 1 ? 'person thanked' : 'people thanked', changeFrom(t.peopleThanked, p.peopleThanked, d.month))}
${item(t.peopleThanking, t.peopleThanking === 1 ? 'colleague said thank you' : 'colleagues said thank you', changeFrom(t.peopleThanking, p.peopleThanking, d.month))}
${item(t.cosigns, t.cosigns === 1 ? 'time a colleague added their thanks' : 'times colleagues added their thanks')}
</ul>`;
}

function award(d: Digest): string {
  const a = d.award;
  if (!a || !a.winners.length)
    return `<div class="award"><p>No star of the month has been announced for ${esc(monthName(d.month))} yet.</p></div>`;
  return `<div class="award"><p class="eyebrow">Star of the month</p><p class="winners">${esc(namesList(a.winners.map((w) => w.name)))}</p>${a.citation ? `<blockquote>${esc(a.citation)}</blockquote>` : ''}${
    a.highlyCommended.length ? `<p>Highly commended: ${esc(namesList(a.highlyCommended.map((w) => w.name)))}</p>` : ''
  }</div>`;
}

function nominations(d: Digest): string {
  const n = d.nominations;
  if (!n.nominations) return '<p>No one was nominated for star of the month this month.</p>';
  return `<p>${plural(n.nominations, 'nomination', 'nominations')} for ${plural(n.nominees, 'colleague', 'colleagues')}, from ${plural(n.nominators, 'nominator', 'nominators')}${
    n.shortlisted ? `; ${n.shortlisted.toLocaleString('en-GB')} on the shortlist` : ''
  }.</p>`;
}

function table(caption: string, head: string[], rows: Array<Array<string | number>>): string {
  return `<table><caption>${esc(caption)}</caption><thead><tr>${head.map((h, i) => `<th scope="col"${i ? ' class="num"' : ''}>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, i) => (i ? `<td class="num">${esc(c)}</td>` : `<th scope="row">${esc(c)}</th>`)).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

const asTable = (t: string) => `<details><summary>Show as a table</summary>${t}</details>`;

function valuesChart(d: Digest): string {
  if (!d.values.length) return '<p>No values were chosen this month.</p>';
  return valueBarsChart(
    d.values.map((v) => ({ value: v.value, count: v.slips })),
    'values-chart',
    `Values chosen in ${monthName(d.month)}`,
  );
}

const valuesTable = (d: Digest) =>
  table(
    `Values chosen in ${monthName(d.month)}`,
    ['Value', 'Thank-yous'],
    d.values.map((v) => [v.value, v.slips]),
  );

const trendChart = (trend: DigestTrend) =>
  monthlyBarChart(
    trend.map((t) => ({ month: t.month, count: t.slips })),
    'trend-chart',
    'Thank-yous sent each month',
  );

const trendTable = (trend: DigestTrend) =>
  table(
    'Thank-yous sent each month',
    ['Month', 'Thank-yous'],
    trend.map((t) => [monthName(t.month), t.slips]),
  );

function slipSlide(item: ReadOutItem, n: number, of: number, timeZone: string): string {
  const s = item.slip;
  const id = `slip-${n}`;
  const counter = `${n.toLocaleString('en-GB')} of ${of.toLocaleString('en-GB')}`;
  return `<article class="slide slip-slide" id="${id}" data-counter="${esc(counter)}" aria-labelledby="${id}-name" tabindex="-1">
<p class="slide-number">${esc(counter)}</p>
<h2 class="recipient" id="${id}-name">${esc(item.recipient.name)}${item.title ? ` <span class="recipient-title">${esc(item.title)}</span>` : ''}</h2>
<blockquote class="message">${esc(s.message)}</blockquote>
<p class="from">From <strong>${esc(s.sender.name)}</strong> · <time datetime="${esc(s.createdAt)}">${esc(dayOf(s.createdAt, timeZone))}</time>${
    s.cosigners
      ? ` · ${s.cosigners === 1 ? '1 colleague added their thanks' : `${s.cosigners.toLocaleString('en-GB')} colleagues added their thanks`}`
      : ''
  }</p>
${s.values.length ? `<ul class="badges" aria-label="Values">${s.values.map((v) => `<li>${esc(v)}</li>`).join('')}</ul>` : ''}
${s.quote ? `<p class="quote">For: “${esc(s.quote)}”</p>` : ''}
</article>`;
}

/** The read-out: the month's summary, then one slip at a time (the script shows them in turn). */
export function readoutPage(v: DigestPageView): string {
  const d = v.digest;
  const items = readOutItems(d);
  const links = `<nav class="digest-links" aria-label="Other views of this digest"><a class="button secondary" href="${esc(v.printUrl)}" target="_blank" rel="noopener noreferrer">Printable digest</a> <a class="button secondary" href="${esc(v.csvUrl)}">Download as a spreadsheet (CSV)</a></nav>`;
  const toRead = items.length
    ? `<p class="hint">${plural(items.length, 'thank-you', 'thank-yous')} to read out, after the values and the last 12 months. Press <kbd>→</kbd>, <kbd>Space</kbd> or <strong>Next</strong> to go on, and <kbd>←</kbd> to go back.</p>`
    : '<p class="empty">There are no thank-yous to read out this month: none the whole team could see, or the people thanked asked not to have theirs read out.</p>';
  const summary = `<section class="slide summary-slide" id="summary" data-counter="Summary" aria-labelledby="summary-heading" tabindex="-1">
<h2 id="summary-heading">${esc(monthName(d.month))} in summary</h2>
${figures(d)}
${award(d)}
<h3>Nominations</h3>
${nominations(d)}
${toRead}
</section>`;
  // The charts and Reach have a slide of their own, so they fit a shared screen without
  // scrolling. (The counter keeps its short name; the walk-through test looks for it.)
  const charts = `<section class="slide charts-slide" id="charts" data-counter="Values and the last 12 months" aria-labelledby="charts-heading" tabindex="-1">
<h2 id="charts-heading" class="visually-hidden">Values, the last 12 months and reach</h2>
<div class="charts">
<div><h3>Values</h3>${valuesChart(d)}${d.values.length ? asTable(valuesTable(d)) : ''}</div>
<div><h3>The last 12 months</h3>${trendChart(v.trend)}${asTable(trendTable(v.trend))}</div>
${reachSection(d, 'charts-reach-heading')}
</div>
</section>`;
  const body = `<a class="skip" href="#stage">Skip to the read-out</a>
${header(d, links)}
<main id="stage" class="stage" data-slides="${items.length + 2}">
${summary}
${charts}
${items.map((item, i) => slipSlide(item, i + 1, items.length, d.timeZone)).join('\n')}
</main>
<nav class="controls" aria-label="Move through the read-out" hidden>
<button type="button" id="previous" class="secondary">← Previous</button>
<p class="counter" id="counter" aria-live="polite">Summary</p>
<button type="button" id="next">Next →</button>
</nav>`;
  return digestShell({ title: `Read-out: ${heading(d)}`, bodyClass: 'readout-page', body, scripts: ['/digest/readout.js'] });
}

function fairness(d: Digest): string {
  const f = d.fairness;
  const rows = f.rows
    .map(
      (r) =>
        `<tr><th scope="row">${esc(FAIRNESS_GROUP_LABELS[r.group] ?? r.group)}</th><td class="num">${esc(figure(r.peopleReceiving))}</td><td class="num">${esc(figure(r.slipsReceived))}</td><td class="num">${esc(figure(r.peopleGiving))}</td><td class="num">${esc(
          figure(r.slipsGiven),
        )}</td></tr>`,
    )
    .join('');
  const sw = f.toSupportWorkers;
  return `<section aria-labelledby="fairness-heading"><h2 id="fairness-heading">Does recognition reach everyone?</h2>
<table><caption>Thank-yous received and given, by staff group</caption><thead><tr><th scope="col">Staff group</th><th scope="col" class="num">People thanked</th><th scope="col" class="num">Thank-yous received</th><th scope="col" class="num">People thanking</th><th scope="col" class="num">Thank-yous given</th></tr></thead><tbody>${rows}</tbody></table>
<p>Thank-yous reaching support workers: ${esc(figure(sw.fromRegistered))} from registered professionals and ${esc(figure(sw.fromManagers))} from managers, of ${esc(figure(sw.total))} in all.</p>
<p class="fairness-note">Staff groups are what people chose in their own profile; “Not stated” is everyone who has not said. Any figure about fewer than 5 people shows as “fewer than 5”, so no one can be singled out.</p>
${reachSection(d, 'reach-heading')}
</section>`;
}

function printSlip(s: DigestSlip, timeZone: string): string {
  return `<li class="print-slip"><p class="message">${esc(s.message)}</p><p>From <strong>${esc(s.sender.name)}</strong> · <time datetime="${esc(s.createdAt)}">${esc(dayOf(s.createdAt, timeZone))}</time>${
    s.cosigners
      ? ` · ${s.cosigners === 1 ? '1 colleague added their thanks' : `${s.cosigners.toLocaleString('en-GB')} colleagues added their thanks`}`
      : ''
  }</p>${s.quote ? `<p>For: “${esc(s.quote)}”</p>` : ''}${s.values.length ? `<ul class="badges" aria-label="Values">${s.values.map((val) => `<li>${esc(val)}</li>`).join('')}</ul>` : ''}</li>`;
}

/** Everything on paper: the summary, the fairness panel, then each recipient's slips on a new page. */
export function printPage(v: DigestPageView): string {
  const d = v.digest;
  const items = readOutItems(d);
  const groups = d.readOut
    .map(
      (g, i) =>
        `<section class="recipient-group" aria-labelledby="recipient-${i}"><h2 id="recipient-${i}">${esc(g.recipient.name)} <span class="count">(${g.slips.length})</span></h2>${
          g.title ? `<p class="recipient-title">${esc(g.title)}</p>` : ''
        }<ol class="print-slips">${g.slips.map((s) => printSlip(s, d.timeZone)).join('')}</ol></section>`,
    )
    .join('\n');
  const body = `${header(d, '')}
<main>
<p class="actions no-print"><button type="button" id="print">Print or save as PDF</button> <a class="button secondary" href="${esc(v.readoutUrl)}">Open the read-out</a> <a class="button secondary" href="${esc(v.csvUrl)}">Download as a spreadsheet (CSV)</a></p>
<section aria-labelledby="summary-heading"><h2 id="summary-heading">${esc(monthName(d.month))} in summary</h2>
${figures(d)}
${award(d)}
<h3>Nominations</h3>
${nominations(d)}
</section>
<section aria-labelledby="values-heading"><h2 id="values-heading">Values</h2>
${valuesChart(d)}
${d.values.length ? valuesTable(d) : ''}
</section>
<section aria-labelledby="trend-heading"><h2 id="trend-heading">The last 12 months</h2>
${trendChart(v.trend)}
${trendTable(v.trend)}
</section>
${fairness(d)}
<section aria-labelledby="readout-heading"><h2 id="readout-heading">To read out</h2>
<p>${
    items.length
      ? `${plural(items.length, 'thank-you', 'thank-yous')} for ${plural(d.readOut.length, 'person', 'people')}, each person’s on a new page.`
      : 'There are no thank-yous to read out this month.'
  } Only thank-yous the whole team could see are here, and none to colleagues who asked not to have theirs read out.</p>
</section>
${groups}
<footer><p>Made with Valued on ${esc(dayOf(v.generatedAt.toISOString(), d.timeZone))} for the governance meeting of ${esc(d.teamName)}.</p></footer>
</main>`;
  return digestShell({ title: `Digest: ${heading(d)}`, bodyClass: 'print-page', body, scripts: ['/digest/print.js'] });
}

export type DigestRefusal = 'link' | 'not_lead' | 'unknown_team' | 'unavailable' | 'failed';

const REFUSAL_HEADINGS: Record<DigestRefusal, string> = {
  link: 'This link can’t be opened',
  not_lead: 'This digest is for governance leads',
  unknown_team: 'This team’s digest can’t be found',
  unavailable: 'The digest can’t be shown just now',
  failed: 'Something went wrong',
};

/** A kind page instead of the digest; `message` is the policy's own words when it refused. */
export function digestRefusedPage(reason: DigestRefusal, message?: string): string {
  const text: Record<DigestRefusal, string> = {
    link: '<p>Links to a digest are made for one governance lead and one month, work for 12 hours, and stop working if that person is no longer a lead, to keep colleagues’ thanks within the team.</p><p>To get a fresh link, type <strong>digest</strong> in your personal chat with Valued (or, for a particular month, <strong>digest 2025-05</strong>).</p>',
    not_lead: `<p>${esc(message ?? 'Only your team’s governance leads can see the monthly digest and read-out.')}</p>`,
    unknown_team: `<p>${esc(message ?? 'Valued doesn’t know this team yet.')}</p>`,
    unavailable: '<p>Valued can’t reach its records at the moment. Nothing has been lost. Please try again in a few minutes.</p>',
    failed:
      '<p>The digest couldn’t be put together just now. Please try again in a minute; if it keeps happening, let your IT team know.</p>',
  };
  return digestShell({
    title: REFUSAL_HEADINGS[reason],
    bodyClass: 'notice-page',
    body: `<main class="notice"><h1>${esc(REFUSAL_HEADINGS[reason])}</h1>
${text[reason]}</main>`,
  });
}
