// The top of the portfolio: who it is for, their details and the period, and the form that
// chooses the period (it sends the signed link back, so the page reopens for the same person).
import type { Portfolio } from '../../../services/my-recognition-service';
import { plainDay } from '../format';

function period(p: Portfolio): string {
  if (p.from && p.to) return `${plainDay(p.from)} to ${plainDay(p.to)}`;
  if (p.from) return `Since ${plainDay(p.from)}`;
  if (p.to) return `Up to ${plainDay(p.to)}`;
  return 'All time';
}

function Detail({ term, value }: { term: string; value?: string }) {
  if (!value) return null;
  return (
    <div>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}

export function PortfolioHeader({ name, p }: { name: string; p: Portfolio }) {
  const profile = p.profile;
  return (
    <header>
      <p class="eyebrow">Valued</p>
      <h1>Recognition portfolio</h1>
      {name ? <p class="person-name">{name}</p> : null}
      <dl class="details">
        <Detail term="Job title" value={profile?.preferredTitle} />
        <Detail term="Profession" value={profile?.profession} />
        <Detail term="Band" value={profile?.band} />
        <Detail term="Period" value={period(p)} />
      </dl>
    </header>
  );
}

/** `by`: the grouping, kept when the period changes. */
export function PeriodForm({ link, p, by = 'value' }: { link: string; p: Portfolio; by?: 'value' | 'domain' }) {
  return (
    <form class="period no-print" method="get" action="/me/portfolio" aria-label="Choose the period">
      <input type="hidden" name="link" value={link} />
      {by === 'domain' ? <input type="hidden" name="by" value="domain" /> : null}
      <div>
        <label for="from">From</label>
        <input type="date" id="from" name="from" value={p.from ?? ''} />
      </div>
      <div>
        <label for="to">To</label>
        <input type="date" id="to" name="to" value={p.to ?? ''} />
      </div>
      <button type="submit" class="secondary">
        Show this period
      </button>
    </form>
  );
}
