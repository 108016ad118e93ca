// A person's own note on a thank-you they received: which framework domains it shows, and a
// short reflection ("what I did, what I learned"). Private to the person: never in a digest,
// never seen by leads. The person decides; nothing maps values to domains for them.
import { CodedError } from './errors';
import type { Framework } from './framework';

export const REFLECTION_MAX = 500;

export interface SlipReflection {
  personId: string;
  slipId: string;
  /** Copied from the person's own history entry, so the note can be found, kept and expired with it. */
  createdAt: string;
  teamId: string;
  month: string;
  frameworkId: string;
  /** Domain ids of the framework, in its order. */
  domains: string[];
  reflection: string;
  updatedAt: string;
}

export interface ReflectionInput {
  domains: string[];
  reflection: string;
}

/**
 * The input as it will be saved, or a kind refusal naming what is wrong. Domains must be ones the
 * framework offers (anything else was never offered, so it is refused, not dropped).
 */
export function checkReflection(input: { domains?: unknown; reflection?: unknown }, framework: Framework): ReflectionInput {
  const rawDomains = input.domains ?? [];
  if (!Array.isArray(rawDomains) || rawDomains.some((d) => typeof d !== 'string')) {
    throw new CodedError('invalid_input', 'Please choose the domains from the list. Nothing was saved.', 'domains');
  }
  const known = new Set(framework.domains.map((d) => d.id));
  if (rawDomains.some((d) => !known.has(d))) {
    throw new CodedError(
      'invalid_input',
      'One of the domains isn’t one from the list. Please choose from the list. Nothing was saved.',
      'domains',
    );
  }
  const rawText = input.reflection ?? '';
  if (typeof rawText !== 'string') {
    throw new CodedError('invalid_input', 'Please write your reflection as text. Nothing was saved.', 'reflection');
  }
  const reflection = rawText.trim();
  if (reflection.length > REFLECTION_MAX) {
    throw new CodedError(
      'invalid_input',
      `Please keep your reflection to ${REFLECTION_MAX} characters (it is ${reflection.length} now). Nothing was saved.`,
      'reflection',
    );
  }
  const chosen = new Set(rawDomains as string[]);
  return { domains: framework.domains.filter((d) => chosen.has(d.id)).map((d) => d.id), reflection };
}

/** Ids from a card's multi-select: Teams sends the chosen values as one comma-separated string. */
export function choicesFrom(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
