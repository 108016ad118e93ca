// The personal tab "My recognition": the shell loads at once; the tab's script then asks for
// the summary and the slips as fragments (summary-fragment.tsx, slips-fragment.tsx).
import { renderFragment } from '../render';
import { myPage } from './my-shell';

export function tabShell(): string {
  // tab.js loads /me/teams-js.js itself, and only inside Teams.
  return myPage(
    { title: 'My recognition', bodyClass: 'tab', scripts: ['/me/tab.js'] },
    <>
      <a class="skip" href="#content">
        Skip to your recognition
      </a>
      <header class="masthead">
        <h1>My recognition</h1>
      </header>
      <main id="content" aria-busy="true" tabindex={-1}>
        <p class="loading">Loading your recognition…</p>
      </main>
    </>,
  );
}

/** A kind message in place of the tab's content (not signed in, something went wrong). */
export function tabNotice(heading: string, text: string): string {
  return renderFragment(
    <section class="notice" role="alert">
      <h2>{heading}</h2>
      <p>{text}</p>
    </section>,
  );
}
