// The page for a link to someone's recognition that cannot be opened: forged, changed, for
// something else, or expired. `heading` changes only when the page itself failed.
import { myPage } from './my-shell';

export const LINK_REFUSED = 'This link can’t be opened';

export function linkRefusedPage(heading = LINK_REFUSED): string {
  return myPage(
    { title: heading, bodyClass: 'notice-page' },
    <main class="notice">
      <h1>{heading}</h1>
      <p>Links to your recognition only work for the person they were made for, and only for an hour, to keep your recognition private.</p>
      <p>
        To get a fresh link, open the <strong>My recognition</strong> tab in Valued, or type <strong>my recognition</strong> in your chat
        with Valued.
      </p>
    </main>,
  );
}
