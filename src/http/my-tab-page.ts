// The personal tab "My recognition": pure functions from view models to HTML. The shell loads
// at once; the tab's script then asks for the summary and the slips as HTML fragments.
import type { SlipHistoryEntry } from '../domain/history';
import type { RecognitionSummary } from '../services/history-service';
import { dayOf, esc, monthName, plural } from './html';
import { pageShell } from './my-page-shell';
import { SERIES_COLOURS, monthlyBarChart, valuesOverTimeChart } from './svg-charts';

export interface SummaryView {
  name: string;
  summary: RecognitionSummary;
  timeZone: string;
}

export interface SlipsView {
  slips: SlipHistoryEntry[];
  /** Continuation token of the next (older) page, if there is one. */
  olderToken?: string;
  hasNewer: boolean;
  filter: { value?: string; year?: number };
  timeZone: string;
}

export function tabShell(): string {
  return pageShell({
    title: 'My recognition',
    bodyClass: 'tab',
    // tab.js loads /me/teams-js.js itself, and only inside Teams.
    scripts: ['/me/tab.js'],
    body: `<a class="skip" href="#content">Skip to your recognition</a>
<header class="masthead"><h1>My recognition</h1></header>
<main id="content" aria-busy="true" tabindex="-1"><p class="loading">Loading your recognition…</p></main>`,
  });
}

/** A kind message in place of the tab's content (not signed in, something went wrong). */
export function tabNotice(heading: string, text: string): string {
  return `<section class="notice" role="alert"><h2>${esc(heading)}</h2><p>${esc(text)}</p></section>`;
}

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? '';

function table(caption: string, head: string[], rows: Array<Array<string | number>>): string {
  return `<details><summary>Show as a table</summary><table><caption>${esc(caption)}</caption><thead><tr>${head.map((h, i) => `<th scope="col"${i ? ' class="num"' : ''}>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, i) => (i ? `<td class="num">${esc(c)}</td>` : `<th scope="row">${esc(c)}</th>`)).join('')}</tr>`)
    .join('')}</tbody></table></details>`;
}

function valuesProfile(s: RecognitionSummary): string {
  if (!s.values.length) return '<p>When colleagues choose values for their thanks, you will see here what they value in you.</p>';
  const max = Math.max(...s.values.map((v) => v.count));
  return `<ul class="values-profile">${s.values
    .map(
      (v, i) =>
        `<li><span class="value-name">${esc(v.value)}</span><span class="value-count">${plural(v.count, 'time', 'times')}</span><svg class="minibar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect width="100" height="10" rx="2" fill="#e3eceb"/><rect width="${((v.count / max) * 100).toFixed(1)}" height="10" rx="2" fill="${SERIES_COLOURS[i % SERIES_COLOURS.length]}"/></svg></li>`,
    )
    .join('')}</ul>`;
}

function awards(s: RecognitionSummary): string {
  if (!s.awards.length) return '<p>No star of the month awards yet.</p>';
  return `<ul class="awards">${s.awards
    .map(
      (a) =>
        `<li><p><strong>${a.result === 'winner' ? 'Star of the month' : 'Highly commended'}</strong>, ${esc(monthName(a.month))} · ${esc(a.teamName)}</p>${a.citation ? `<blockquote>${esc(a.citation)}</blockquote>` : ''}</li>`,
    )
    .join('')}</ul>`;
}

function nominations(s: RecognitionSummary, timeZone: string): string {
  if (!s.nominations.length) return '<p>No nominations yet.</p>';
  return `<ul class="nominations">${s.nominations
    .map(
      (n) =>
        `<li><p>${esc(monthName(n.month))} · nominated by ${n.nominator ? esc(n.nominator.name) : 'a colleague'} on ${esc(dayOf(n.createdAt, timeZone))}</p><blockquote>${esc(n.reason)}</blockquote></li>`,
    )
    .join('')}</ul>`;
}

function valueOrder(s: RecognitionSummary): string[] {
  return s.values.map((v) => v.value);
}

export function summaryFragment(v: SummaryView): string {
  const s = v.summary;
  const hello = v.name ? `Hello ${esc(firstName(v.name))}. ` : '';
  const yearsAsc = [...s.valuesByYear].sort((a, b) => a.year - b.year);
  const order = valueOrder(s);
  return `<p class="lead">${hello}Here is every thank-you colleagues have sent you. It is yours to keep.</p>
<section aria-labelledby="totals-heading"><h2 id="totals-heading" class="visually-hidden">Your totals</h2>
<ul class="totals">
<li><span class="total-number">${s.totals.allTime.toLocaleString('en-GB')}</span> <span class="total-label">${s.totals.allTime === 1 ? 'thank-you' : 'thank-yous'} in all</span></li>
<li><span class="total-number">${s.totals.thisYear.toLocaleString('en-GB')}</span> <span class="total-label">this year</span></li>
<li><span class="total-number">${s.totals.thisMonth.toLocaleString('en-GB')}</span> <span class="total-label">this month</span></li>
</ul></section>
<section class="keep" aria-labelledby="keep-heading"><h2 id="keep-heading">Keep a copy</h2>
<p>For an appraisal, a revalidation or your own records. Only you can open these.</p>
<p class="actions"><a id="portfolio-link" class="button" target="_blank" rel="noopener noreferrer" aria-disabled="true">Recognition portfolio</a> <a id="csv-link" class="button secondary" target="_blank" rel="noopener noreferrer" aria-disabled="true">Download as a spreadsheet (CSV)</a></p></section>
<section aria-labelledby="months-heading"><h2 id="months-heading">The last 12 months</h2>
${monthlyBarChart(s.perMonth)}
${table(
  'Thank-yous received each month',
  ['Month', 'Thank-yous'],
  s.perMonth.map((p) => [monthName(p.month), p.count]),
)}
</section>
<section aria-labelledby="values-heading"><h2 id="values-heading">What colleagues value in you</h2>
${valuesProfile(s)}
${
  yearsAsc.length
    ? `<h3>Values over time</h3>${valuesOverTimeChart(yearsAsc, order)}${table(
        'Values you were thanked for, by year',
        ['Year', ...order],
        yearsAsc.map((y) => [String(y.year), ...order.map((o) => y.values[o] ?? 0)]),
      )}`
    : ''
}
</section>
<section aria-labelledby="awards-heading"><h2 id="awards-heading">Star of the month</h2>
${awards(s)}
<h3>Nominations</h3>
${nominations(s, v.timeZone)}
</section>
<section aria-labelledby="slips-heading"><h2 id="slips-heading">Thank-yous you have received</h2>
<form id="filter" class="filter" action="#" role="search" aria-label="Choose which thank-yous to show">
<label for="filter-value">Value</label><select id="filter-value" name="value"><option value="">All values</option>${order.map((o) => `<option value="${esc(o)}">${esc(o)}</option>`).join('')}</select>
<label for="filter-year">Year</label><select id="filter-year" name="year"><option value="">All years</option>${s.years.map((y) => `<option value="${y}">${y}</option>`).join('')}</select>
<button type="submit">Show</button>
</form>
<div id="slips" aria-live="polite"><p class="loading">Loading…</p></div>
</section>`;
}

export function slipItem(e: SlipHistoryEntry, timeZone: string): string {
  const badges = e.values.length ? `<ul class="badges" aria-label="Values">${e.values.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>` : '';
  return `<li class="slip"><p class="slip-meta"><strong>${esc(e.sender.name)}</strong> · <time datetime="${esc(e.createdAt)}">${esc(dayOf(e.createdAt, timeZone))}</time>${e.visibility === 'private' ? ' · <span class="private">Private</span>' : ''}</p>
<p class="slip-message">${esc(e.message)}</p>${e.quote ? `<p class="slip-quote">For: “${esc(e.quote)}”</p>` : ''}${badges}</li>`;
}

export function slipsFragment(v: SlipsView): string {
  const filtered = !!(v.filter.value || v.filter.year);
  const label = filtered ? ` (${[v.filter.value, v.filter.year].filter(Boolean).map(esc).join(', ')})` : '';
  if (!v.slips.length && !v.hasNewer) {
    return `<p class="empty">${filtered ? `Nothing matches that yet${label}.` : 'Nothing yet. When a colleague thanks you, it will appear here, and it stays yours to keep.'}</p>`;
  }
  const nav =
    v.hasNewer || v.olderToken
      ? `<nav class="pager" aria-label="More thank-yous">${v.hasNewer ? '<button type="button" class="secondary" data-newer="1">← Newer</button>' : '<span></span>'}${v.olderToken ? `<button type="button" class="secondary" data-older="${esc(v.olderToken)}">Older →</button>` : ''}</nav>`
      : '';
  return `<ol class="slips" aria-label="Thank-yous${label}">${v.slips.map((e) => slipItem(e, v.timeZone)).join('')}</ol>${nav}`;
}
