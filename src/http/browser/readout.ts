// The digest's read-out, served as /digest/readout.js: shows one slide at a time (the summary,
// then each slip) and moves with the keyboard — → PageDown Space forward, ← PageUp Shift+Space
// back, Home and End — or with the Previous and Next buttons. Without this script the page
// still shows every slip in turn.
import { slideKey } from './slide-keys';

function startReadout(): void {
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
    const to = slideKey(event, current, slides.length);
    if (to === undefined) return;
    event.preventDefault();
    show(to, true);
  });
}

startReadout();
