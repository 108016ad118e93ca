// Which slide a key press moves the read-out to, if any. Kept apart from the page so the rules
// read on their own.

/** The slide to show after this key, or undefined when the key is not the read-out's. */
export function slideKey(event: KeyboardEvent, current: number, count: number): number | undefined {
  if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return undefined;
  const target = event.target as HTMLElement;
  // Keys on a button or link do what they always do (Space and Enter press it).
  if (target.closest('input, textarea, select, [contenteditable]')) return undefined;
  if ((event.key === ' ' || event.key === 'Enter') && target.closest('button, a, summary')) return undefined;
  if (event.key === 'ArrowRight' || event.key === 'PageDown' || (event.key === ' ' && !event.shiftKey)) return current + 1;
  if (event.key === 'ArrowLeft' || event.key === 'PageUp' || (event.key === ' ' && event.shiftKey)) return current - 1;
  if (event.key === 'Home') return 0;
  if (event.key === 'End') return count - 1;
  return undefined;
}
