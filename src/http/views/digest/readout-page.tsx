// The read-out, for screen sharing at the governance meeting: the month's summary, the charts,
// then one slide per slip (the script shows them in turn; without it, every slide in order).
import { monthLabel, plural } from '../format';
import { ValueBadges, SlipDate, cosignersNote } from '../slip-parts';
import { TrendChart, ValuesChart } from './digest-charts';
import { digestPage } from './digest-shell';
import { DigestHeader, MonthSummary } from './digest-summary';
import { digestHeading, readOutItems, type DigestPageView, type ReadOutItem } from './digest-view';
import { ReachSection } from './reach-section';

function SlipSlide({ item, n, of, timeZone }: { item: ReadOutItem; n: number; of: number; timeZone: string }) {
  const s = item.slip;
  const id = `slip-${n}`;
  const counter = `${n.toLocaleString('en-GB')} of ${of.toLocaleString('en-GB')}`;
  return (
    <article class="slide slip-slide" id={id} data-counter={counter} aria-labelledby={`${id}-name`} tabindex={-1}>
      <p class="slide-number">{counter}</p>
      <h2 class="recipient" id={`${id}-name`}>
        {item.recipient.name}
        {item.title ? (
          <>
            {' '}
            <span class="recipient-title">{item.title}</span>
          </>
        ) : null}
      </h2>
      <blockquote class="message">{s.message}</blockquote>
      <p class="from">
        From <strong>{s.sender.name}</strong> · <SlipDate iso={s.createdAt} timeZone={timeZone} />
        {cosignersNote(s.cosigners)}
      </p>
      <ValueBadges values={s.values} />
      {s.quote ? <p class="quote">For: “{s.quote}”</p> : null}
    </article>
  );
}

function SummarySlide({ v, toRead }: { v: DigestPageView; toRead: number }) {
  const d = v.digest;
  return (
    <section class="slide summary-slide" id="summary" data-counter="Summary" aria-labelledby="summary-heading" tabindex={-1}>
      <h2 id="summary-heading">{monthLabel(d.month)} in summary</h2>
      <MonthSummary d={d} />
      {toRead ? (
        <p class="hint">
          {plural(toRead, 'thank-you', 'thank-yous')} to read out, after the values and the last 12 months. Press <kbd>→</kbd>,{' '}
          <kbd>Space</kbd> or <strong>Next</strong> to go on, and <kbd>←</kbd> to go back.
        </p>
      ) : (
        <p class="empty">
          There are no thank-yous to read out this month: none the whole team could see, or the people thanked asked not to have theirs read
          out.
        </p>
      )}
    </section>
  );
}

// The charts and Reach have a slide of their own, so they fit a shared screen without
// scrolling. (The counter keeps its short name; the walk-through test looks for it.)
function ChartsSlide({ v }: { v: DigestPageView }) {
  return (
    <section
      class="slide charts-slide"
      id="charts"
      data-counter="Values and the last 12 months"
      aria-labelledby="charts-heading"
      tabindex={-1}
    >
      <h2 id="charts-heading" class="visually-hidden">
        Values, the last 12 months and reach
      </h2>
      <div class="charts">
        <div>
          <h3>Values</h3>
          <ValuesChart d={v.digest} folded />
        </div>
        <div>
          <h3>The last 12 months</h3>
          <TrendChart trend={v.trend} folded />
        </div>
        <ReachSection d={v.digest} id="charts-reach-heading" explain />
      </div>
    </section>
  );
}

export function readoutPage(v: DigestPageView): string {
  const d = v.digest;
  const items = readOutItems(d);
  return digestPage(
    { title: `Read-out: ${digestHeading(d)}`, bodyClass: 'readout-page', scripts: ['/digest/readout.js'] },
    <>
      <a class="skip" href="#stage">
        Skip to the read-out
      </a>
      <DigestHeader digest={d}>
        <nav class="digest-links" aria-label="Other views of this digest">
          <a class="button secondary" href={v.printUrl} target="_blank" rel="noopener noreferrer">
            Printable digest
          </a>{' '}
          <a class="button secondary" href={v.csvUrl}>
            Download as a spreadsheet (CSV)
          </a>
        </nav>
      </DigestHeader>
      <main id="stage" class="stage" data-slides={items.length + 2}>
        <SummarySlide v={v} toRead={items.length} />
        <ChartsSlide v={v} />
        {items.map((item, i) => (
          <SlipSlide item={item} n={i + 1} of={items.length} timeZone={d.timeZone} />
        ))}
      </main>
      <nav class="controls" aria-label="Move through the read-out" hidden>
        <button type="button" id="previous" class="secondary">
          ← Previous
        </button>
        <p class="counter" id="counter" aria-live="polite">
          Summary
        </p>
        <button type="button" id="next">
          Next →
        </button>
      </nav>
    </>,
  );
}
