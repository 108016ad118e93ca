// "Recognition portfolio": one printable page of a person's recognition for a chosen period,
// for an appraisal or a professional portfolio. Pure: view model in, HTML out.
import type { SlipHistoryEntry } from '../domain/history';
import type { Portfolio } from '../services/history-service';
import { dayOf, esc, monthName, plainDay, plural } from './html';
import { pageShell } from './my-page-shell';

export interface PortfolioView {
  name: string;
  portfolio: Portfolio;
  timeZone: string;
  /** The signed link this page was opened with; the period form sends it back. */
  link: string;
  csvUrl: string;
  generatedAt: Date;
  /** A kind note when a date typed into the form was not understood. */
  problem?: string;
}

function period(p: Portfolio): string {
  if (p.from && p.to) return `${plainDay(p.from)} to ${plainDay(p.to)}`;
  if (p.from) return `Since ${plainDay(p.from)}`;
  if (p.to) return `Up to ${plainDay(p.to)}`;
  return 'All time';
}

function slipRow(s: SlipHistoryEntry, timeZone: string): string {
  return `<li class="slip"><p class="slip-meta"><strong>${esc(s.sender.name)}</strong> · <time datetime="${esc(s.createdAt)}">${esc(dayOf(s.createdAt, timeZone))}</time>${s.visibility === 'private' ? ' · <span class="private">Private</span>' : ''}</p><p class="slip-message">${esc(s.message)}</p>${s.quote ? `<p class="slip-quote">For: “${esc(s.quote)}”</p>` : ''}</li>`;
}

export function portfolioPage(v: PortfolioView): string {
  const p = v.portfolio;
  const profile = p.profile;
  const senders = new Set(p.slips.map((s) => s.sender.id)).size;
  const details = [
    profile?.preferredTitle ? `<div><dt>Job title</dt><dd>${esc(profile.preferredTitle)}</dd></div>` : '',
    profile?.profession ? `<div><dt>Profession</dt><dd>${esc(profile.profession)}</dd></div>` : '',
    profile?.band ? `<div><dt>Band</dt><dd>${esc(profile.band)}</dd></div>` : '',
    `<div><dt>Period</dt><dd>${esc(period(p))}</dd></div>`,
  ].join('');
  const sections = [
    ...p.byValue.map((g) => ({ heading: g.value, slips: g.slips })),
    ...(p.unvalued.length ? [{ heading: 'Thanks without a value', slips: p.unvalued }] : []),
  ];
  const valueSections = sections
    .map(
      (g, i) =>
        `<section class="value-section" aria-labelledby="value-${i}"><h2 id="value-${i}">${esc(g.heading)} <span class="count">(${g.slips.length})</span></h2><ol class="slips">${g.slips.map((s) => slipRow(s, v.timeZone)).join('')}</ol></section>`,
    )
    .join('');
  const awards = p.awards.length
    ? `<ul class="awards">${p.awards.map((a) => `<li><p><strong>${a.result === 'winner' ? 'Star of the month' : 'Highly commended'}</strong>, ${esc(monthName(a.month))} · ${esc(a.teamName)}</p>${a.citation ? `<blockquote>${esc(a.citation)}</blockquote>` : ''}</li>`).join('')}</ul>`
    : '<p>None in this period.</p>';
  const nominations = p.nominations.length
    ? `<ul class="nominations">${p.nominations
        .map(
          (n) =>
            `<li><p>${esc(monthName(n.month))} · nominated by ${n.nominator ? esc(n.nominator.name) : 'a colleague'}</p><blockquote>${esc(n.reason)}</blockquote></li>`,
        )
        .join('')}</ul>`
    : '<p>None in this period.</p>';
  const body = `<main class="portfolio">
<header><p class="eyebrow">Valued</p><h1>Recognition portfolio</h1>${v.name ? `<p class="person-name">${esc(v.name)}</p>` : ''}<dl class="details">${details}</dl></header>
<form class="period no-print" method="get" action="/me/portfolio" aria-label="Choose the period">
<input type="hidden" name="link" value="${esc(v.link)}">
<div><label for="from">From</label><input type="date" id="from" name="from" value="${esc(p.from ?? '')}"></div>
<div><label for="to">To</label><input type="date" id="to" name="to" value="${esc(p.to ?? '')}"></div>
<button type="submit" class="secondary">Show this period</button>
</form>
${v.problem ? `<p class="problem no-print" role="alert">${esc(v.problem)}</p>` : ''}
<p class="actions no-print"><button type="button" id="print">Print or save as PDF</button> <a class="button secondary" href="${esc(v.csvUrl)}">Download as a spreadsheet (CSV)</a></p>
<section class="overview" aria-labelledby="overview-heading"><h2 id="overview-heading">Summary</h2>
<p>${plural(p.slips.length, 'thank-you', 'thank-yous')} from ${plural(senders, 'colleague', 'colleagues')}, ${plural(p.awards.length, 'star of the month award', 'star of the month awards')} and ${plural(p.nominations.length, 'nomination', 'nominations')}.</p>
${p.byValue.length ? `<ul class="value-totals">${p.byValue.map((g) => `<li>${esc(g.value)}: ${g.slips.length}</li>`).join('')}</ul>` : ''}
</section>
${valueSections || '<p>No thank-yous in this period.</p>'}
<section class="value-section" aria-labelledby="awards-heading"><h2 id="awards-heading">Star of the month</h2>${awards}
<h2 id="nominations-heading">Nominations, with the reasons colleagues gave</h2>${nominations}</section>
<footer><p>Made with Valued on ${esc(dayOf(v.generatedAt.toISOString(), v.timeZone))}. It includes private thank-yous, because this portfolio is yours: share it as you choose.</p></footer>
</main>`;
  return pageShell({ title: 'Recognition portfolio', bodyClass: 'portfolio-page', body, scripts: ['/me/portfolio.js'] });
}

/** The page for a link that cannot be opened: forged, changed, for something else, or expired. */
export function linkRefusedPage(): string {
  return pageShell({
    title: 'This link can’t be opened',
    bodyClass: 'notice-page',
    body: `<main class="notice"><h1>This link can’t be opened</h1>
<p>Links to your recognition only work for the person they were made for, and only for an hour, to keep your recognition private.</p>
<p>To get a fresh link, open the <strong>My recognition</strong> tab in Valued, or type <strong>my recognition</strong> in your chat with Valued.</p></main>`,
  });
}
