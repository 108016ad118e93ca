// The portfolio grouped by framework domain: each domain with the thank-yous the person tagged
// with it and their reflections, or a kind prompt when there is nothing yet; then the thank-yous
// not tagged yet. Also the links that switch between grouping by domain and by value.
import type { PortfolioByDomain } from '../../../domain/portfolio-by-domain';
import type { SlipHistoryEntry } from '../../../domain/history';
import { SlipItem } from './slip-item';
import { domainLabel } from './slip-note';

export type Grouping = 'value' | 'domain';

/** A thank-you in the portfolio, with the person's reflection on it when they wrote one. */
export function EvidenceItem({
  slip,
  reflection,
  timeZone,
  badges,
}: {
  slip: SlipHistoryEntry;
  reflection: string;
  timeZone: string;
  badges: boolean;
}) {
  return (
    <SlipItem slip={slip} timeZone={timeZone} badges={badges}>
      {reflection ? (
        <p class="note-reflection">
          <strong>Your reflection:</strong> <span>{reflection}</span>
        </p>
      ) : null}
    </SlipItem>
  );
}

export function GroupingSwitch({ by, urls }: { by: Grouping; urls: Record<Grouping, string> }) {
  const link = (g: Grouping, text: string) => (
    <a href={urls[g]} aria-current={by === g ? 'page' : undefined}>
      {text}
    </a>
  );
  return (
    <nav class="portfolio-switch no-print" aria-label="Group the portfolio">
      <p>
        Group by: {link('value', 'value')} · {link('domain', 'framework domain')}
      </p>
    </nav>
  );
}

export function DomainSections({ d, timeZone }: { d: PortfolioByDomain; timeZone: string }) {
  const f = d.framework;
  return (
    <>
      <p class="framework-note">
        {`Grouped by the ${f.domains.length} domains of the ${f.title} (${f.publisher}, ${f.year}). You chose which domains each thank-you shows.`}
      </p>
      {d.groups.map((g) => (
        <section class="value-section domain-section" aria-labelledby={`domain-${g.domain.id}`}>
          <h2 id={`domain-${g.domain.id}`}>
            {domainLabel(g.domain)} <span class="count">({g.evidence.length})</span>
          </h2>
          {g.evidence.length ? (
            <ol class="slips">
              {g.evidence.map((e) => (
                <EvidenceItem slip={e.slip} reflection={e.reflection} timeZone={timeZone} badges={true} />
              ))}
            </ol>
          ) : (
            <p class="domain-prompt">{g.prompt}</p>
          )}
        </section>
      ))}
      {d.untagged.length ? (
        <section class="value-section domain-section" aria-labelledby="domain-untagged">
          <h2 id="domain-untagged">
            Not tagged with a domain yet <span class="count">({d.untagged.length})</span>
          </h2>
          <p class="domain-prompt">You can tag these in My recognition, if any of them show part of your work.</p>
          <ol class="slips">
            {d.untagged.map((e) => (
              <EvidenceItem slip={e.slip} reflection={e.reflection} timeZone={timeZone} badges={true} />
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}
