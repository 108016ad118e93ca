// The browser side of the digest's read-out and printable page. Each function is served as its
// own source text (see digest-pages.ts), so it is type-checked with the rest of the project but
// must stay self-contained: no imports, no outer variables.

/**
 * Read-out: shows one slide at a time (the summary, then each slip) and moves with the
 * keyboard — → PageDown Space forward, ← PageUp Shift+Space back, Home and End — or with the
 * Previous and Next buttons. Without this script the page still shows every slip in turn.
 */
export function readoutClient(): void {
  const slides = Array.from(document.querySelectorAll<HTMLElement>('.slide'));
  const controls = document.querySelector<HTMLElement>('.controls');
  const counter = document.getElementById('counter');
  const previous = document.getElementById('previous') as HTMLButtonElement | null;
  const next = document.getElementById('next') as HTMLButtonElement | null;
  if (!slides.length || !controls || !counter || !previous || !next) return;
  document.documentElement.classList.add('js-readout');
  controls.hidden = false;
  let current = -1;

  function show(index: number, focus: boolean): void {
    const target = Math.max(0, Math.min(slides.length - 1, index));
    if (target === current) return;
    current = target;
    slides.forEach((slide, i) => (slide.hidden = i !== target));
    counter!.textContent = slides[target].getAttribute('data-counter') ?? '';
    previous!.disabled = target === 0;
    next!.disabled = target === slides.length - 1;
    // The address remembers the place, so a reload (or a dropped screen share) comes back here.
    history.replaceState(null, '', `#${slides[target].id}`);
    window.scrollTo(0, 0);
    if (focus) slides[target].focus({ preventScroll: true });
  }

  const fromHash = slides.findIndex((s) => `#${s.id}` === location.hash);
  show(fromHash >= 0 ? fromHash : 0, false);

  previous.addEventListener('click', () => show(current - 1, false));
  next.addEventListener('click', () => show(current + 1, false));

  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    const target = event.target as HTMLElement;
    // Keys on a button or link do what they always do (Space and Enter press it).
    if (target.closest('input, textarea, select, [contenteditable]')) return;
    if ((event.key === ' ' || event.key === 'Enter') && target.closest('button, a, summary')) return;
    let to: number | undefined;
    if (event.key === 'ArrowRight' || event.key === 'PageDown' || (event.key === ' ' && !event.shiftKey)) to = current + 1;
    else if (event.key === 'ArrowLeft' || event.key === 'PageUp' || (event.key === ' ' && event.shiftKey)) to = current - 1;
    else if (event.key === 'Home') to = 0;
    else if (event.key === 'End') to = slides.length - 1;
    if (to === undefined) return;
    event.preventDefault();
    show(to, true);
  });
}

/** The printable digest's "Print or save as PDF" button (inline handlers are not allowed by the CSP). */
export function printClient(): void {
  document.getElementById('print')?.addEventListener('click', () => window.print());
}
