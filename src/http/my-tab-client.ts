// The browser side of the "My recognition" tab and the portfolio's print button. Each function
// is served as its own source text (see my-pages.ts), so it is type-checked with the rest of
// the project but must stay self-contained: no imports, no outer variables.

/** Gets who is looking (Teams SSO token when inside Teams), then loads the HTML fragments. */
export function tabClient(): void {
  const content = document.getElementById('content') as HTMLElement;
  const host = window as unknown as { microsoftTeams?: any; nativeInterface?: unknown };
  // Inside Teams the tab is framed (desktop, web) or in the mobile app's web view.
  const inHost = window.parent !== window || !!window.opener || !!host.nativeInterface;
  const state = { token: '', previous: [] as string[], value: '', year: '' };
  let teamsReady: Promise<boolean> | undefined;

  const within = <T>(p: Promise<T>, ms: number): Promise<T> =>
    Promise.race([p, new Promise<T>((_resolve, reject) => setTimeout(() => reject(new Error('timed out')), ms))]);

  // The Teams library is only loaded inside Teams: in a plain browser it has nothing to do.
  const loadTeamsJs = () =>
    new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = '/me/teams-js.js';
      script.onload = () => resolve();
      script.onerror = () => reject(new Error('teams-js did not load'));
      document.head.append(script);
    });

  async function authHeaders(): Promise<Record<string, string>> {
    if (!inHost) return {};
    teamsReady ??= within(
      loadTeamsJs().then(() => host.microsoftTeams.app.initialize()),
      5000,
    ).then(
      () => true,
      () => false,
    );
    if (!(await teamsReady)) return {};
    // teams-js caches the token and renews it when it is close to expiry.
    const token = await within<string>(host.microsoftTeams.authentication.getAuthToken(), 20000);
    return { authorization: `Bearer ${token}` };
  }

  class Refused extends Error {
    /** The server's own kind notice, as HTML, when it sent one to show in place of the content. */
    constructor(
      message: string,
      readonly html?: string,
    ) {
      super(message);
    }
  }

  async function call(path: string, init: RequestInit = {}): Promise<Response> {
    let headers: Record<string, string>;
    try {
      headers = await authHeaders();
    } catch {
      throw new Refused('Teams could not sign you in to Valued just now. Please close this tab and open it again.');
    }
    const res = await fetch(path, {
      ...init,
      headers: { ...headers, accept: 'text/html, application/json' },
      credentials: 'omit',
      cache: 'no-store',
    });
    if (!res.ok) {
      let message = 'Something went wrong loading your recognition. Please try again in a minute.';
      if ((res.headers.get('content-type') ?? '').startsWith('text/html')) throw new Refused(message, await res.text());
      try {
        message = ((await res.json()) as { message?: string }).message ?? message;
      } catch {
        /* keep the general message */
      }
      throw new Refused(message);
    }
    return res;
  }

  function notice(into: HTMLElement, error: unknown): void {
    if (error instanceof Refused && error.html) {
      into.innerHTML = error.html;
      return;
    }
    const section = document.createElement('section');
    section.className = 'notice';
    section.setAttribute('role', 'alert');
    const h = document.createElement('h2');
    h.textContent = 'Your recognition can’t be shown';
    const p = document.createElement('p');
    p.textContent = error instanceof Refused ? error.message : 'Valued could not be reached. Check your connection and try again.';
    section.append(h, p);
    into.replaceChildren(section);
  }

  async function loadSlips(focus: boolean): Promise<void> {
    const target = document.getElementById('slips');
    if (!target) return;
    target.setAttribute('aria-busy', 'true');
    const q = new URLSearchParams();
    if (state.token) q.set('token', state.token);
    if (state.value) q.set('value', state.value);
    if (state.year) q.set('year', state.year);
    if (state.previous.length) q.set('newer', '1');
    try {
      target.innerHTML = await (await call(`/api/me/view/slips?${q}`)).text();
      if (focus) document.getElementById('slips-heading')?.focus();
    } catch (e) {
      notice(target, e);
    } finally {
      target.removeAttribute('aria-busy');
    }
  }

  async function loadLinks(): Promise<void> {
    try {
      const links = (await (await call('/api/me/links', { method: 'POST' })).json()) as { portfolioUrl: string; csvUrl: string };
      for (const [id, href] of [
        ['portfolio-link', links.portfolioUrl],
        ['csv-link', links.csvUrl],
      ]) {
        const a = document.getElementById(id);
        a?.setAttribute('href', href);
        a?.removeAttribute('aria-disabled');
      }
    } catch {
      /* the buttons stay disabled; the rest of the page still works */
    }
  }

  content.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest('button[data-older], button[data-newer]');
    if (!button) return;
    if (button.hasAttribute('data-older')) {
      state.previous.push(state.token);
      state.token = button.getAttribute('data-older') ?? '';
    } else {
      state.token = state.previous.pop() ?? '';
    }
    void loadSlips(true);
  });

  content.addEventListener('submit', (event) => {
    const form = event.target as HTMLFormElement;
    if (form.id !== 'filter') return;
    event.preventDefault();
    const data = new FormData(form);
    state.value = String(data.get('value') ?? '');
    state.year = String(data.get('year') ?? '');
    state.token = '';
    state.previous = [];
    void loadSlips(true);
  });

  void (async () => {
    try {
      content.innerHTML = await (await call('/api/me/view/summary')).text();
      content.removeAttribute('aria-busy');
      await Promise.all([loadSlips(false), loadLinks()]);
      // Signed links last an hour; keep them fresh while the tab stays open.
      setInterval(() => void loadLinks(), 30 * 60_000);
    } catch (e) {
      content.removeAttribute('aria-busy');
      notice(content, e);
    }
  })();
}

/** The portfolio's "Print or save as PDF" button (inline handlers are not allowed by the CSP). */
export function portfolioClient(): void {
  document.getElementById('print')?.addEventListener('click', () => window.print());
}
