// The "My recognition" tab, served as /me/tab.js: gets who is looking, then loads the summary
// and the slips as HTML fragments rendered (and escaped) by the server.
import { call, notice } from './tab-api';
import { wireReflections } from './tab-reflect';

const content = document.getElementById('content') as HTMLElement;
const state = { token: '', previous: [] as string[], value: '', year: '' };

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

wireReflections(content);

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
