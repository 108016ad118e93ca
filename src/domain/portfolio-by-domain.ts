// The portfolio grouped by framework domain: each domain with the slips the person tagged with
// it, each slip with their reflection. A domain with no evidence yet gets a kind prompt rather
// than looking like a gap. Pure, so the printable page, the CSV and the tab all group alike.
import type { Framework, FrameworkDomain } from './framework';
import type { SlipHistoryEntry } from './history';
import type { SlipReflection } from './reflection';

export interface EvidenceItem {
  slip: SlipHistoryEntry;
  /** The person's reflection ('' when they tagged it without writing one). */
  reflection: string;
}

export interface DomainGroup {
  domain: FrameworkDomain;
  evidence: EvidenceItem[];
  /** Set only when there is no evidence yet: an invitation, not a judgement. */
  prompt?: string;
}

export interface PortfolioByDomain {
  framework: Framework;
  groups: DomainGroup[];
  /** Slips in the period the person has not tagged with any domain yet. */
  untagged: EvidenceItem[];
}

export const EMPTY_DOMAIN_PROMPT =
  'Nothing tagged here yet. When a thank-you shows this part of your work, you can add it from My recognition.';

/** Groups the slips by the domains the person chose for them; a slip tagged twice appears under both. */
export function groupByDomain(slips: SlipHistoryEntry[], reflections: SlipReflection[], framework: Framework): PortfolioByDomain {
  const notes = new Map(reflections.filter((r) => r.frameworkId === framework.id).map((r) => [r.slipId, r]));
  const item = (slip: SlipHistoryEntry): EvidenceItem => ({ slip, reflection: notes.get(slip.slipId)?.reflection ?? '' });
  const groups = framework.domains.map((domain) => {
    const evidence = slips.filter((s) => notes.get(s.slipId)?.domains.includes(domain.id)).map(item);
    return evidence.length ? { domain, evidence } : { domain, evidence, prompt: EMPTY_DOMAIN_PROMPT };
  });
  const untagged = slips.filter((s) => !(notes.get(s.slipId)?.domains.length ?? 0)).map(item);
  return { framework, groups, untagged };
}
