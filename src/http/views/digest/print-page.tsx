// The printable digest: everything on paper — the summary, the charts with their tables, the
// fairness panel, then each recipient's slips on a new page.
import type { DigestSlip } from '../../../domain/digest';
import { dayOf, monthLabel, plural } from '../format';
import { SlipDate, ValueBadges, cosignersNote } from '../slip-parts';
import { TrendChart, ValuesChart } from './digest-charts';
import { digestPage } from './digest-shell';
import { DigestHeader, MonthSummary } from './digest-summary';
import { digestHeading, readOutItems, type DigestPageView } from './digest-view';
import { FairnessSection } from './fairness-section';

function PrintSlip({ s, timeZone }: { s: DigestSlip; timeZone: string }) {
  return (
    <li class="print-slip">
      <p class="message">{s.message}</p>
      <p>
        From <strong>{s.sender.name}</strong> · <SlipDate iso={s.createdAt} timeZone={timeZone} />
        {cosignersNote(s.cosigners)}
      </p>
      {s.quote ? <p>For: “{s.quote}”</p> : null}
      <ValueBadges values={s.values} />
    </li>
  );
}

function ToReadOut({ v }: { v: DigestPageView }) {
  const d = v.digest;
  const count = readOutItems(d).length;
  return (
    <section aria-labelledby="readout-heading">
      <h2 id="readout-heading">To read out</h2>
      <p>
        {count
          ? `${plural(count, 'thank-you', 'thank-yous')} for ${plural(d.readOut.length, 'person', 'people')}, each person’s on a new page.`
          : 'There are no thank-yous to read out this month.'}{' '}
        Only thank-yous the whole team could see are here, and none to colleagues who asked not to have theirs read out.
      </p>
    </section>
  );
}

export function printPage(v: DigestPageView): string {
  const d = v.digest;
  return digestPage(
    { title: `Digest: ${digestHeading(d)}`, bodyClass: 'print-page', scripts: ['/digest/print.js'] },
    <>
      <DigestHeader digest={d} />
      <main>
        <p class="actions no-print">
          <button type="button" id="print">
            Print or save as PDF
          </button>{' '}
          <a class="button secondary" href={v.readoutUrl}>
            Open the read-out
          </a>{' '}
          <a class="button secondary" href={v.csvUrl}>
            Download as a spreadsheet (CSV)
          </a>
        </p>
        <section aria-labelledby="summary-heading">
          <h2 id="summary-heading">{monthLabel(d.month)} in summary</h2>
          <MonthSummary d={d} />
        </section>
        <section aria-labelledby="values-heading">
          <h2 id="values-heading">Values</h2>
          <ValuesChart d={d} folded={false} />
        </section>
        <section aria-labelledby="trend-heading">
          <h2 id="trend-heading">The last 12 months</h2>
          <TrendChart trend={v.trend} folded={false} />
        </section>
        <FairnessSection d={d} />
        <ToReadOut v={v} />
        {d.readOut.map((g, i) => (
          <section class="recipient-group" aria-labelledby={`recipient-${i}`}>
            <h2 id={`recipient-${i}`}>
              {g.recipient.name} <span class="count">({g.slips.length})</span>
            </h2>
            {g.title ? <p class="recipient-title">{g.title}</p> : null}
            <ol class="print-slips">
              {g.slips.map((s) => (
                <PrintSlip s={s} timeZone={d.timeZone} />
              ))}
            </ol>
          </section>
        ))}
        <footer>
          <p>{`Made with Valued on ${dayOf(v.generatedAt.toISOString(), d.timeZone)} for the governance meeting of ${d.teamName}.`}</p>
        </footer>
      </main>
    </>,
  );
}
