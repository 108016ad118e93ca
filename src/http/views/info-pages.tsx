// The pages the Teams manifest links to (website, privacy, terms): short, plain and true to
// what Valued does today, for admins deciding whether to install it.
import type { ComponentChildren } from 'preact';
import { PageShell } from './page-shell';
import { renderPage } from './render';

function InfoPage({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <PageShell title={title} stylesheet="/info.css" icon={false}>
      <main>
        <h1>{title}</h1>
        {children}
      </main>
    </PageShell>
  );
}

const HOME = (
  <InfoPage title="Valued">
    <p>
      Valued is a Microsoft Teams app for saying thank you at work. Colleagues send each other thank-you slips from the chat they are
      already in; each month a governance lead reads the slips out and names a star of the month, and everyone keeps the recognition they
      receive.
    </p>
    <p>
      To start, add Valued in Teams and type <strong>help</strong>.
    </p>
  </InfoPage>
);

const PRIVACY = (
  <InfoPage title="Privacy">
    <p>Valued runs in your organisation's own Azure subscription. Nothing is sent anywhere else.</p>
    <h2>What Valued stores</h2>
    <ul>
      <li>
        Each thank-you slip: who sent it, who it thanks (names and Teams ids), the message, the values chosen, whether it is for the team or
        private, the team and month, a short quote of the message it was sent from (when "Thank for this" was used), who added their thanks,
        and whether each person was told.
      </li>
      <li>A copy of each slip in the history of every person it thanks, so they can keep it.</li>
      <li>Where Valued can reach people and teams (Teams conversation references), and each team's settings.</li>
    </ul>
    <h2>Who can see it</h2>
    <ul>
      <li>
        A <em>team</em> slip is posted in the conversation it was sent from and can be read out at the team's monthly governance meeting.
      </li>
      <li>
        A <em>private</em> slip is only ever shown to the person who sent it and the people it thanks.
      </li>
    </ul>
    <p>Questions about your data go to your organisation's data protection officer, who runs this installation.</p>
  </InfoPage>
);

const TERMS = (
  <InfoPage title="Terms of use">
    <p>
      Valued is open-source software, provided as it is, without warranty. Your organisation installs and runs it, and its own policies on
      the use of Microsoft Teams apply.
    </p>
    <p>
      Please use it to thank colleagues kindly and specifically. Thank-you slips are not the place for patient-identifiable information.
    </p>
  </InfoPage>
);

/** Path → the whole page. */
export const INFO_PAGES: Record<string, string> = {
  '/': renderPage(HOME),
  '/privacy': renderPage(PRIVACY),
  '/terms': renderPage(TERMS),
};
