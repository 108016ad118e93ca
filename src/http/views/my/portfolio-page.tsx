// "Recognition portfolio": one printable page of a person's recognition for a chosen period,
// for an appraisal or a professional portfolio. One component per section, in page order.
import type { PortfolioByDomain } from '../../../domain/portfolio-by-domain';
import type { Portfolio } from '../../../services/my-recognition-service';
import { dayOf, plural } from '../format';
import { myPage } from './my-shell';
import { DomainSections, EvidenceItem, GroupingSwitch, type Grouping } from './portfolio-domains';
import { PeriodForm, PortfolioHeader } from './portfolio-header';
import { AwardsList, NominationsList } from './recognition-lists';

export interface PortfolioView {
  name: string;
  portfolio: Portfolio;
  timeZone: string;
  /** The signed link this page was opened with; the period form sends it back. */
  link: string;
  /** The spreadsheet grouped as the page is. */
  csvUrl: string;
  /** How the thank-yous are grouped; by domain needs `byDomain`. */
  by?: Grouping;
  /** The same slips grouped by framework domain, with the person's reflections on them. */
  byDomain?: PortfolioByDomain;
  /** This page (same link and period) grouped each way. */
  groupingUrls?: Record<Grouping, string>;
  generatedAt: Date;
  /** A kind note when a date typed into the form was not understood. */
  problem?: string;
}

type Props = { p: Portfolio };

function Overview({ p }: Props) {
  const senders = new Set(p.slips.map((s) => s.sender.id)).size;
  return (
    <section class="overview" aria-labelledby="overview-heading">
      <h2 id="overview-heading">Summary</h2>
      <p>
        {`${plural(p.slips.length, 'thank-you', 'thank-yous')} from ${plural(senders, 'colleague', 'colleagues')}, ${plural(p.awards.length, 'star of the month award', 'star of the month awards')} and ${plural(p.nominations.length, 'nomination', 'nominations')}.`}
      </p>
      {p.byValue.length ? (
        <ul class="value-totals">
          {p.byValue.map((g) => (
            <li>{`${g.value}: ${g.slips.length}`}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** A section per value, then the thanks that named none; each slip under every value it names. */
function ValueSections({ p, timeZone, reflections }: Props & { timeZone: string; reflections: Map<string, string> }) {
  const sections = [
    ...p.byValue.map((g) => ({ heading: g.value, slips: g.slips })),
    ...(p.unvalued.length ? [{ heading: 'Thanks without a value', slips: p.unvalued }] : []),
  ];
  if (!sections.length) return <p>No thank-yous in this period.</p>;
  return (
    <>
      {sections.map((g, i) => (
        <section class="value-section" aria-labelledby={`value-${i}`}>
          <h2 id={`value-${i}`}>
            {g.heading} <span class="count">({g.slips.length})</span>
          </h2>
          <ol class="slips">
            {g.slips.map((s) => (
              <EvidenceItem slip={s} reflection={reflections.get(s.slipId) ?? ''} timeZone={timeZone} badges={false} />
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}

function AwardsAndNominations({ p }: Props) {
  return (
    <section class="value-section" aria-labelledby="awards-heading">
      <h2 id="awards-heading">Star of the month</h2>
      <AwardsList awards={p.awards} empty="None in this period." />
      <h2 id="nominations-heading">Nominations, with the reasons colleagues gave</h2>
      <NominationsList nominations={p.nominations} empty="None in this period." />
    </section>
  );
}

export function portfolioPage(v: PortfolioView): string {
  const p = v.portfolio;
  const by = v.byDomain && v.by === 'domain' ? 'domain' : 'value';
  const reflections = new Map(
    v.byDomain ? [...v.byDomain.groups.flatMap((g) => g.evidence), ...v.byDomain.untagged].map((e) => [e.slip.slipId, e.reflection]) : [],
  );
  return myPage(
    { title: 'Recognition portfolio', bodyClass: 'portfolio-page', scripts: ['/me/portfolio.js'] },
    <main class="portfolio">
      <PortfolioHeader name={v.name} p={p} />
      <PeriodForm link={v.link} p={p} by={by} />
      {v.groupingUrls ? <GroupingSwitch by={by} urls={v.groupingUrls} /> : null}
      {v.problem ? (
        <p class="problem no-print" role="alert">
          {v.problem}
        </p>
      ) : null}
      <p class="actions no-print">
        <button type="button" id="print">
          Print or save as PDF
        </button>{' '}
        <a class="button secondary" href={v.csvUrl}>
          Download as a spreadsheet (CSV)
        </a>
      </p>
      <Overview p={p} />
      {by === 'domain' && v.byDomain ? (
        <DomainSections d={v.byDomain} timeZone={v.timeZone} />
      ) : (
        <ValueSections p={p} timeZone={v.timeZone} reflections={reflections} />
      )}
      <AwardsAndNominations p={p} />
      <footer>
        <p>
          {`Made with Valued on ${dayOf(v.generatedAt.toISOString(), v.timeZone)}. It includes private thank-yous, because this portfolio is yours: share it as you choose.`}
        </p>
      </footer>
    </main>,
  );
}
