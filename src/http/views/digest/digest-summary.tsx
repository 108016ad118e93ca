// The month at a glance, the same on the read-out's first slide and the printable digest: the
// figures against last month, the star of the month, and the nominations in a sentence.
import type { ComponentChildren } from 'preact';
import type { Digest } from '../../../domain/digest';
import { monthLabel, plural } from '../format';
import { changeFrom, digestHeading } from './digest-view';
import { listOf } from '../../../domain/counting';

export function DigestHeader({ digest, children }: { digest: Digest; children?: ComponentChildren }) {
  return (
    <header class="digest-head">
      <div>
        <p class="eyebrow">Valued · Monthly governance digest</p>
        <h1>{digestHeading(digest)}</h1>
      </div>
      {children}
    </header>
  );
}

function Figure({ n, label, notes = [] }: { n: number; label: string; notes?: string[] }) {
  return (
    <li>
      <span class="figure">{n.toLocaleString('en-GB')}</span>
      <span class="figure-label">{label}</span>
      {notes.map((note) => (
        <span class="change">{note}</span>
      ))}
    </li>
  );
}

function Figures({ d }: { d: Digest }) {
  const t = d.totals;
  const p = d.previous;
  // Private thank-yous count towards the totals; their words are never shown here.
  const privately = t.privateSlips ? [`${t.privateSlips.toLocaleString('en-GB')} of them private, so not read out`] : [];
  return (
    <ul class="figures">
      <Figure
        n={t.slips}
        label={t.slips === 1 ? 'thank-you' : 'thank-yous'}
        notes={[changeFrom(t.slips, p.slips, d.month), ...privately]}
      />
      <Figure
        n={t.peopleThanked}
        label={t.peopleThanked === 1 ? 'person thanked' : 'people thanked'}
        notes={[changeFrom(t.peopleThanked, p.peopleThanked, d.month)]}
      />
      <Figure
        n={t.peopleThanking}
        label={t.peopleThanking === 1 ? 'colleague said thank you' : 'colleagues said thank you'}
        notes={[changeFrom(t.peopleThanking, p.peopleThanking, d.month)]}
      />
      <Figure n={t.cosigns} label={t.cosigns === 1 ? 'time a colleague added their thanks' : 'times colleagues added their thanks'} />
    </ul>
  );
}

function Award({ d }: { d: Digest }) {
  const a = d.award;
  if (!a || !a.winners.length)
    return (
      <div class="award">
        <p>No star of the month has been announced for {monthLabel(d.month)} yet.</p>
      </div>
    );
  return (
    <div class="award">
      <p class="eyebrow">Star of the month</p>
      <p class="winners">{listOf(a.winners.map((w) => w.name))}</p>
      {a.citation ? <blockquote>{a.citation}</blockquote> : null}
      {a.highlyCommended.length ? <p>Highly commended: {listOf(a.highlyCommended.map((w) => w.name))}</p> : null}
    </div>
  );
}

function Nominations({ d }: { d: Digest }) {
  const n = d.nominations;
  if (!n.nominations) return <p>No one was nominated for star of the month this month.</p>;
  const shortlist = n.shortlisted ? `; ${n.shortlisted.toLocaleString('en-GB')} on the shortlist` : '';
  return (
    <p>
      {`${plural(n.nominations, 'nomination', 'nominations')} for ${plural(n.nominees, 'colleague', 'colleagues')}, from ${plural(n.nominators, 'nominator', 'nominators')}${shortlist}.`}
    </p>
  );
}

/** The figures, the award and the nominations, under the page's own "… in summary" heading. */
export function MonthSummary({ d }: { d: Digest }) {
  return (
    <>
      <Figures d={d} />
      <Award d={d} />
      <h3>Nominations</h3>
      <Nominations d={d} />
    </>
  );
}
