// Tags and a reflection on a thank-you, in place in the tab: the button opens the form the server
// rendered under the slip, Save sends it to PUT /api/me/slips/:id/reflection, and the slip's
// "Shows: …" and reflection are updated from what was saved. Focus goes to the form when it
// opens, to the field at fault when the server refuses, and back to the button when it closes.
import { call, Refused } from './tab-api';

const MAX = 500;

const slipOf = (el: Element) => el.closest('.slip') as HTMLElement;
const toggleOf = (form: HTMLFormElement) => slipOf(form).querySelector<HTMLButtonElement>('button[data-reflect]');
const leftText = (n: number) => `${n} ${n === 1 ? 'character' : 'characters'} left`;

function close(form: HTMLFormElement, focus: boolean): void {
  form.hidden = true;
  const toggle = toggleOf(form);
  toggle?.setAttribute('aria-expanded', 'false');
  if (focus) toggle?.focus();
}

function showProblem(form: HTMLFormElement, message: string, field?: string): void {
  const problem = form.querySelector<HTMLElement>('[data-problem]');
  if (problem) {
    problem.textContent = message;
    problem.hidden = false;
  }
  const target =
    field === 'domains'
      ? form.querySelector<HTMLElement>('input[name=domains]')
      : field === 'reflection'
        ? form.querySelector<HTMLTextAreaElement>('textarea')
        : null;
  target?.setAttribute('aria-invalid', 'true');
  (target ?? problem)?.focus();
}

function clearProblem(form: HTMLFormElement): void {
  const problem = form.querySelector<HTMLElement>('[data-problem]');
  if (problem) {
    problem.hidden = true;
    problem.textContent = '';
  }
  form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
}

/** Shows what was saved under the slip, with the domain names as the form labels them. */
function showSaved(form: HTMLFormElement, domains: string[], reflection: string): void {
  const slip = slipOf(form);
  const names = domains.map((id) => {
    const label = form.querySelector(`label[for="${CSS.escape(`${form.id}-${id}`)}"]`)?.textContent ?? id;
    return label.replace(/^\d+\.\s*/, '');
  });
  const shows = slip.querySelector<HTMLElement>('[data-shows]');
  const text = slip.querySelector<HTMLElement>('[data-reflection]');
  if (shows) {
    shows.textContent = names.join('; ');
    (shows.parentElement as HTMLElement).hidden = !names.length;
  }
  if (text) {
    text.textContent = reflection;
    (text.parentElement as HTMLElement).hidden = !reflection;
  }
  // What Cancel goes back to from now on.
  form.querySelectorAll<HTMLInputElement>('input[name=domains]').forEach((box) => (box.defaultChecked = domains.includes(box.value)));
  const textarea = form.querySelector('textarea');
  if (textarea) textarea.defaultValue = textarea.value = reflection;
  updateCount(textarea as HTMLTextAreaElement, false);
  const toggle = toggleOf(form);
  if (toggle) toggle.textContent = domains.length || reflection ? 'Change tags and reflection' : 'Tag and reflect';
}

function updateCount(textarea: HTMLTextAreaElement, announce: boolean): void {
  const form = textarea.form as HTMLFormElement;
  const left = MAX - textarea.value.length;
  const count = form.querySelector<HTMLElement>('[data-count]');
  if (count) count.textContent = leftText(left);
  // Said aloud only now and then, so a screen reader is not interrupted at every key.
  const live = form.querySelector<HTMLElement>('[data-count-live]');
  if (live && announce && (left <= 20 || left % 50 === 0)) live.textContent = leftText(left);
}

async function save(form: HTMLFormElement): Promise<void> {
  clearProblem(form);
  const data = new FormData(form);
  const domains = data.getAll('domains').map(String);
  const reflection = String(data.get('reflection') ?? '');
  const submit = form.querySelector<HTMLButtonElement>('button[type=submit]');
  if (submit) submit.disabled = true;
  try {
    const res = await call(`/api/me/slips/${encodeURIComponent(form.dataset.slipId ?? '')}/reflection`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ createdAt: form.dataset.createdAt, domains, reflection }),
    });
    const saved = ((await res.json()) as { reflection: { domains: string[]; reflection: string } }).reflection;
    showSaved(form, saved.domains, saved.reflection);
    close(form, true);
    const status = slipOf(form).querySelector('[data-saved]');
    if (status) status.textContent = 'Saved. Only you can see your tags and reflection.';
  } catch (e) {
    showProblem(
      form,
      e instanceof Refused ? e.message : 'Valued could not be reached, so nothing was saved. Please try again.',
      e instanceof Refused ? e.field : undefined,
    );
  } finally {
    if (submit) submit.disabled = false;
  }
}

/** Listens on the tab's content for the forms' buttons, typing and submits. */
export function wireReflections(content: HTMLElement): void {
  content.addEventListener('click', (event) => {
    const target = event.target as HTMLElement;
    const toggle = target.closest<HTMLButtonElement>('button[data-reflect]');
    if (toggle) {
      const form = document.getElementById(toggle.getAttribute('aria-controls') ?? '') as HTMLFormElement | null;
      if (!form) return;
      if (!form.hidden) return close(form, true);
      form.hidden = false;
      toggle.setAttribute('aria-expanded', 'true');
      const status = slipOf(toggle).querySelector('[data-saved]');
      if (status) status.textContent = '';
      form.querySelector<HTMLElement>('input, textarea')?.focus();
      return;
    }
    const cancel = target.closest('button[data-cancel]');
    if (cancel) {
      const form = cancel.closest('form') as HTMLFormElement;
      form.reset();
      clearProblem(form);
      updateCount(form.querySelector('textarea') as HTMLTextAreaElement, false);
      close(form, true);
    }
  });
  content.addEventListener('input', (event) => {
    const el = event.target as HTMLElement;
    if (el instanceof HTMLTextAreaElement && el.form?.classList.contains('reflect')) updateCount(el, true);
  });
  content.addEventListener('keydown', (event) => {
    const form = (event.target as HTMLElement).closest('form.reflect') as HTMLFormElement | null;
    if (form && event.key === 'Escape') (form.querySelector('button[data-cancel]') as HTMLButtonElement).click();
  });
  content.addEventListener('submit', (event) => {
    const form = event.target as HTMLFormElement;
    if (!form.classList.contains('reflect')) return;
    event.preventDefault();
    void save(form);
  });
}
