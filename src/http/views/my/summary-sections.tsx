// The sections of the tab's summary, one component each, so a new section is one more
// component in summary-fragment.tsx.
import type { RecognitionSummary } from '../../../services/my-recognition-service';
import { FoldedTable } from '../data-table';
import { monthLabel, plural } from '../format';
import { MonthlyBarChart, SERIES_COLOURS, ValuesOverTimeChart } from '../svg-charts';
import { AwardsList, NominationsList } from './recognition-lists';

type Props = { s: RecognitionSummary };

export function TotalsSection({ s }: Props) {
  const total = (n: number, label: string) => (
    <li>
      <span class="total-number">{n.toLocaleString('en-GB')}</span> <span class="total-label">{label}</span>
    </li>
  );
  return (
    <section aria-labelledby="totals-heading">
      <h2 id="totals-heading" class="visually-hidden">
        Your totals
      </h2>
      <ul class="totals">
        {total(s.totals.allTime, `${s.totals.allTime === 1 ? 'thank-you' : 'thank-yous'} in all`)}
        {total(s.totals.thisYear, 'this year')}
        {total(s.totals.thisMonth, 'this month')}
      </ul>
    </section>
  );
}

/** The links are filled in by the tab's script once it has traded its token for signed links. */
export function KeepSection() {
  return (
    <section class="keep" aria-labelledby="keep-heading">
      <h2 id="keep-heading">Keep a copy</h2>
      <p>For an appraisal, a revalidation or your own records. Only you can open these.</p>
      <p class="actions">
        <a id="portfolio-link" class="button" target="_blank" rel="noopener noreferrer" aria-disabled="true">
          Recognition portfolio
        </a>{' '}
        <a id="csv-link" class="button secondary" target="_blank" rel="noopener noreferrer" aria-disabled="true">
          Download as a spreadsheet (CSV)
        </a>
      </p>
    </section>
  );
}

export function MonthsSection({ s }: Props) {
  return (
    <section aria-labelledby="months-heading">
      <h2 id="months-heading">The last 12 months</h2>
      <MonthlyBarChart points={s.perMonth} />
      <FoldedTable
        caption="Thank-yous received each month"
        head={['Month', 'Thank-yous']}
        rows={s.perMonth.map((p) => [monthLabel(p.month), p.count])}
      />
    </section>
  );
}

function ValuesProfile({ s }: Props) {
  if (!s.values.length) return <p>When colleagues choose values for their thanks, you will see here what they value in you.</p>;
  const max = Math.max(...s.values.map((v) => v.count));
  return (
    <ul class="values-profile">
      {s.values.map((v, i) => (
        <li>
          <span class="value-name">{v.value}</span>
          <span class="value-count">{plural(v.count, 'time', 'times')}</span>
          <svg class="minibar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect width="100" height="10" rx="2" fill="#e3eceb" />
            <rect width={((v.count / max) * 100).toFixed(1)} height="10" rx="2" fill={SERIES_COLOURS[i % SERIES_COLOURS.length]} />
          </svg>
        </li>
      ))}
    </ul>
  );
}

export function ValuesSection({ s }: Props) {
  const yearsAsc = [...s.valuesByYear].sort((a, b) => a.year - b.year);
  const order = s.values.map((v) => v.value);
  return (
    <section aria-labelledby="values-heading">
      <h2 id="values-heading">What colleagues value in you</h2>
      <ValuesProfile s={s} />
      {yearsAsc.length ? (
        <>
          <h3>Values over time</h3>
          <ValuesOverTimeChart years={yearsAsc} valueOrder={order} />
          <FoldedTable
            caption="Values you were thanked for, by year"
            head={['Year', ...order]}
            rows={yearsAsc.map((y) => [String(y.year), ...order.map((o) => y.values[o] ?? 0)])}
          />
        </>
      ) : null}
    </section>
  );
}

export function AwardsSection({ s, timeZone }: Props & { timeZone: string }) {
  return (
    <section aria-labelledby="awards-heading">
      <h2 id="awards-heading">Star of the month</h2>
      <AwardsList awards={s.awards} empty="No star of the month awards yet." />
      <h3>Nominations</h3>
      <NominationsList nominations={s.nominations} empty="No nominations yet." timeZone={timeZone} />
    </section>
  );
}

/** The filter and the place the tab's script loads the slips into. */
export function SlipsSection({ s }: Props) {
  return (
    <section aria-labelledby="slips-heading">
      <h2 id="slips-heading">Thank-yous you have received</h2>
      <form id="filter" class="filter" action="#" role="search" aria-label="Choose which thank-yous to show">
        <label for="filter-value">Value</label>
        <select id="filter-value" name="value">
          <option value="">All values</option>
          {s.values.map((v) => (
            <option value={v.value}>{v.value}</option>
          ))}
        </select>
        <label for="filter-year">Year</label>
        <select id="filter-year" name="year">
          <option value="">All years</option>
          {s.years.map((y) => (
            <option value={String(y)}>{y}</option>
          ))}
        </select>
        <button type="submit">Show</button>
      </form>
      <div id="slips" aria-live="polite">
        <p class="loading">Loading…</p>
      </div>
    </section>
  );
}
