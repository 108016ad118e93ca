// The kind page shown instead of the digest when it cannot be opened or put together.
import type { VNode } from 'preact';
import { digestPage } from './digest-shell';

export type DigestRefusal = 'link' | 'not_lead' | 'unknown_team' | 'unavailable' | 'failed';

const REFUSAL_HEADINGS: Record<DigestRefusal, string> = {
  link: 'This link can’t be opened',
  not_lead: 'This digest is for governance leads',
  unknown_team: 'This team’s digest can’t be found',
  unavailable: 'The digest can’t be shown just now',
  failed: 'Something went wrong',
};

function explanation(reason: DigestRefusal, message?: string): VNode {
  switch (reason) {
    case 'link':
      return (
        <>
          <p>
            Links to a digest are made for one governance lead and one month, work for 12 hours, and stop working if that person is no
            longer a lead, to keep colleagues’ thanks within the team.
          </p>
          <p>
            To get a fresh link, type <strong>digest</strong> in your personal chat with Valued (or, for a particular month,{' '}
            <strong>digest March</strong>).
          </p>
        </>
      );
    case 'not_lead':
      return <p>{message ?? 'Only your team’s governance leads can see the monthly digest and read-out.'}</p>;
    case 'unknown_team':
      return <p>{message ?? 'Valued doesn’t know this team yet.'}</p>;
    case 'unavailable':
      return <p>Valued can’t reach its records at the moment. Nothing has been lost. Please try again in a few minutes.</p>;
    case 'failed':
      return (
        <p>The digest couldn’t be put together just now. Please try again in a minute; if it keeps happening, let your IT team know.</p>
      );
  }
}

/** A kind page instead of the digest; `message` is the policy's own words when it refused. */
export function digestRefusedPage(reason: DigestRefusal, message?: string): string {
  return digestPage(
    { title: REFUSAL_HEADINGS[reason], bodyClass: 'notice-page' },
    <main class="notice">
      <h1>{REFUSAL_HEADINGS[reason]}</h1>
      {explanation(reason, message)}
    </main>,
  );
}
