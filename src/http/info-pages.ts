// The pages the Teams manifest links to (website, privacy, terms): short, plain and true to
// what Valued does today, for admins deciding whether to install it.

/**
 * Inline styles only, and never framed: the manifest links to these as plain pages (not as
 * tabs), so no one has a reason to put them in a frame.
 */
export const INFO_PAGE_HEADERS: Record<string, string> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
};

const page = (title: string, body: string): string => `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Valued</title>
<style>body{font:17px/1.55 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}h1{color:#0f6e67}li{margin:.3rem 0}</style>
</head><body><h1>${title}</h1>${body}</body></html>`;

export const INFO_PAGES: Record<string, string> = {
  '/': page(
    'Valued',
    `<p>Valued is a Microsoft Teams app for saying thank you at work. Colleagues send each other thank-you slips from the chat they are already in; each month a governance lead reads the slips out and names a star of the month, and everyone keeps the recognition they receive.</p>
<p>To start, add Valued in Teams and type <strong>help</strong>.</p>`,
  ),
  '/privacy': page(
    'Privacy',
    `<p>Valued runs in your organisation's own Azure subscription. Nothing is sent anywhere else.</p>
<h2>What Valued stores</h2>
<ul>
<li>Each thank-you slip: who sent it, who it thanks (names and Teams ids), the message, the values chosen, whether it is for the team or private, the team and month, a short quote of the message it was sent from (when "Thank for this" was used), who added their thanks, and whether each person was told.</li>
<li>A copy of each slip in the history of every person it thanks, so they can keep it.</li>
<li>Where Valued can reach people and teams (Teams conversation references), and each team's settings.</li>
</ul>
<h2>Who can see it</h2>
<ul>
<li>A <em>team</em> slip is posted in the conversation it was sent from and can be read out at the team's monthly governance meeting.</li>
<li>A <em>private</em> slip is only ever shown to the person who sent it and the people it thanks.</li>
</ul>
<p>Questions about your data go to your organisation's data protection officer, who runs this installation.</p>`,
  ),
  '/terms': page(
    'Terms of use',
    `<p>Valued is open-source software, provided as it is, without warranty. Your organisation installs and runs it, and its own policies on the use of Microsoft Teams apply.</p>
<p>Please use it to thank colleagues kindly and specifically. Thank-you slips are not the place for patient-identifiable information.</p>`,
  ),
};
